using CaseIngest.Abstractions.Records;
using CaseIngest.Host.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Host.Tests.Cli;

/// <summary>The command line as a user runs it: the real executable in a child process, configured by environment.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Ingest_TwoPackages_WritesJsonLinesIndexesAndSummarises()
    {
        using var host = new TestHostFolder("EchoPlugin");
        var outFile = Path.Combine(host.Root, "records.jsonl");

        var ingest = await CliProcess.RunAsync(host, "ingest", TestPaths.CorpusPackage("D01"), TestPaths.CorpusPackage("D02"), "--out", outFile);

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("Packages: 2 in", ingest.Output, StringComparison.Ordinal);
        Assert.Contains("packages per minute", ingest.Output, StringComparison.Ordinal);
        Assert.Contains("Median time per plugin: EchoPlugin", ingest.Output, StringComparison.Ordinal);
        var records = (await File.ReadAllLinesAsync(outFile)).Select(CaseRecordJson.Deserialize).ToList();
        Assert.Equal(["D01", "D02"], records.Select(r => r.SubmissionId).Order(StringComparer.Ordinal));

        var show = await CliProcess.RunAsync(host, "show", "D02");

        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Equal("D02", CaseRecordJson.Deserialize(show.Output).SubmissionId);
    }

    [Fact]
    public async Task PluginCommand_ArgumentsArePassedThroughUntouched()
    {
        using var host = new TestHostFolder("EchoPlugin");

        var result = await CliProcess.RunAsync(host, "echo-args", "a", "--b", "c d");

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("echo-args:a|--b|c d", result.Output.Trim());
    }

    [Fact]
    public async Task Help_ListsBuiltInAndPluginCommands()
    {
        using var host = new TestHostFolder("EchoPlugin");

        var result = await CliProcess.RunAsync(host, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ingest", result.Output, StringComparison.Ordinal);
        Assert.Contains("echo-args", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("run-plugin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_ListsVersionsAndOrder()
    {
        using var host = new TestHostFolder("EchoPlugin", "DependentPlugin");

        var result = await CliProcess.RunAsync(host, "plugins", "--set", "Plugins:DependentPlugin:Needs=EchoPlugin");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("EchoPlugin", result.Output, StringComparison.Ordinal);
        Assert.Contains("1.2.3", result.Output, StringComparison.Ordinal);
        Assert.Contains("2. DependentPlugin 1.2.3 needs EchoPlugin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recheck_AfterAPluginIsAdded_PrintsTheFindingsAddedPerCase()
    {
        using var host = new TestHostFolder("EchoPlugin");
        var ingest = await CliProcess.RunAsync(host, "ingest", TestPaths.CorpusPackage("D03"));
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        TestHostFolder.CopyPlugin("DependentPlugin", host.PluginsFolder);

        var recheck = await CliProcess.RunAsync(host, "recheck", "--set", "Plugins:DependentPlugin:Needs=EchoPlugin");

        Assert.True(recheck.ExitCode == 0, recheck.Error);
        Assert.Contains("D03: accepted → accepted; added dependent_saw", recheck.Output, StringComparison.Ordinal);
        Assert.Contains("Rechecked 1 cases: 1 changed", recheck.Output, StringComparison.Ordinal);
        var show = await CliProcess.RunAsync(host, "show", "D03");
        Assert.Contains(CaseRecordJson.Deserialize(show.Output).Findings, f => f.Code == "dependent_saw");
    }

    [Fact]
    public async Task Ingest_InvalidPipelineOption_SaysWhichWithoutAStackTrace()
    {
        using var host = new TestHostFolder();

        var result = await CliProcess.RunAsync(host, "ingest", TestPaths.CorpusPackage("D01"), "--parallelism", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Parallelism", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
