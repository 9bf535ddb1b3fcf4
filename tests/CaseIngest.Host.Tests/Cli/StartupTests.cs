using CaseIngest.Core.Startup;
using CaseIngest.Host.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Host.Tests.Cli;

/// <summary>One start for every command: what would fail on the first package stops <c>ingest</c> and <c>worker</c>
/// before any, with the same message and exit code.</summary>
public sealed class StartupTests
{
    // Nothing listens on port 9 (discard): a worker that got past its start would fail to connect, not stop with exit 2.
    private const string UnreachableBroker = "amqp://guest:guest@127.0.0.1:9/";

    [Fact]
    public async Task IngestAndWorker_MissingNeededPlugin_StopAtStartWithTheSameMessage()
    {
        using var host = new TestHostFolder("DependentPlugin");
        string[] settings = ["--set", "Plugins:DependentPlugin:Needs=FormFields"];

        var (ingest, worker) = await RunBothAsync(host, settings);

        const string expected = HostStartup.Prefix + "Plugin DependentPlugin needs FormFields, which is not loaded (missing or disabled).";
        Assert.Equal([expected], StartupLines(ingest));
        Assert.Equal([expected], StartupLines(worker));
    }

    [Fact]
    public async Task IngestAndWorker_PluginWithInvalidOptions_StopAtStartWithTheSameMessage()
    {
        using var host = new TestHostFolder("EchoPlugin");
        string[] settings = ["--set", "Plugins:EchoPlugin:Label=" + new string('x', 21)];

        var (ingest, worker) = await RunBothAsync(host, settings);

        const string expected = HostStartup.Prefix + "Plugins:EchoPlugin:Label must be at most 20 characters.";
        Assert.Equal([expected], StartupLines(ingest));
        Assert.Equal([expected], StartupLines(worker));
    }

    [Fact]
    public async Task IngestAndWorker_PluginThatCannotBeLoaded_StopAtStartByDefaultWithTheSameMessageAndPluginsListsIt()
    {
        using var host = new TestHostFolder("EchoPlugin");
        Directory.CreateDirectory(Path.Combine(host.PluginsFolder, "Empty"));

        var (ingest, worker) = await RunBothAsync(host, []);
        var plugins = await CliProcess.RunAsync(host, "plugins");

        var line = Assert.Single(StartupLines(ingest));
        Assert.StartsWith(HostStartup.Prefix + "plugin Empty could not be loaded", line, StringComparison.Ordinal);
        Assert.Equal([line], StartupLines(worker));
        Assert.Equal(1, plugins.ExitCode);
        Assert.Contains("Empty              NOT LOADED", plugins.Output, StringComparison.Ordinal);
        Assert.Contains("1. EchoPlugin 1.2.3", plugins.Output, StringComparison.Ordinal);
    }

    private static async Task<(ProcessResult Ingest, ProcessResult Worker)> RunBothAsync(TestHostFolder host, string[] settings)
    {
        var outFile = Path.Combine(host.Root, "records.jsonl");
        var ingest = await CliProcess.RunAsync(host, ["ingest", TestPaths.CorpusPackage("D01"), "--out", outFile, .. settings]);
        var worker = await CliProcess.RunAsync(host, ["worker", "--broker", UnreachableBroker, .. settings]);

        Assert.True(ingest.ExitCode == 2, ingest.Output + ingest.Error);
        Assert.True(worker.ExitCode == 2, worker.Output + worker.Error);
        Assert.False(File.Exists(outFile), "ingest processed a package before stopping");
        Assert.DoesNotContain("   at ", ingest.Error + worker.Error, StringComparison.Ordinal);
        return (ingest, worker);
    }

    private static string[] StartupLines(ProcessResult result) =>
        result.Error.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith(HostStartup.Prefix, StringComparison.Ordinal)).ToArray();
}
