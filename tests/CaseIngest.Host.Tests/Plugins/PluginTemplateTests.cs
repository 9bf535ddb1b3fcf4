using System.Xml.Linq;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Host.Tests.Plugins;

/// <summary>The <c>dotnet new caseingest-plugin</c> template (templates/CaseIngest.Plugin), as a plugin author uses it:
/// installed into a hive of the test's own, instantiated outside the repository, built against the host's
/// CaseIngest.Abstractions.dll alone, and loaded by the real <c>caseingest</c> from its plugins folder.</summary>
public sealed class PluginTemplateTests
{
    private const string PluginName = "SizeCheck";

    private static readonly TimeSpan s_buildGuard = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Template_InstantiatedAndBuiltAgainstAbstractionsAlone_LoadsAndRunsOnAPackage()
    {
        using var work = new TemporaryDirectory("caseingest-template-");
        using var host = new TestHostFolder();
        var project = await InstantiateAsync(work.Path);
        var pluginFolder = Path.Combine(host.PluginsFolder, PluginName);

        var build = await DotnetProcess.RunAsync(project, ["build", "-nologo", "-v", "quiet", "-o", pluginFolder], hangGuard: s_buildGuard);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(Path.Combine(pluginFolder, PluginName + ".dll")));
        // The contract is the host's copy: the plugin's folder brings none of the host's assemblies.
        Assert.Empty(Directory.EnumerateFiles(pluginFolder, "CaseIngest.*.dll"));

        var outFile = Path.Combine(host.Root, "records.jsonl");
        var ingest = await CliProcess.RunAsync(host, "ingest", TestPaths.CorpusPackage("D01"), "--out", outFile,
            "--set", $"Plugins:{PluginName}:MaxFileMegabytes=0.05");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var record = CaseRecordJson.Deserialize(Assert.Single(await File.ReadAllLinesAsync(outFile)));
        // The host names and versions the step: the folder's name and the assembly's version.
        var run = Assert.Single(record.Plugins);
        Assert.Equal((PluginName, "1.0.0", PluginOutcomes.Ok), (run.Name, run.Version, run.Outcome));
        var findings = record.Findings.Where(f => f.Code == "file_too_large").ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal((PluginName, "edition-8", Severity.Warning), (f.Plugin, f.RuleSet, f.Severity)));
        Assert.Equal(Verdict.NeedsReview, record.Verdict);

        var invalid = await CliProcess.RunAsync(host, "ingest", TestPaths.CorpusPackage("D01"), "--set", $"Plugins:{PluginName}:MaxFileMegabytes=0");

        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains(HostStartup.Prefix + $"Plugins:{PluginName}:MaxFileMegabytes must be more than 0", invalid.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Project_ReferencesAbstractionsAloneAtTheHostsPackageVersions()
    {
        using var work = new TemporaryDirectory("caseingest-template-");
        var project = XDocument.Load(Path.Combine(await InstantiateAsync(work.Path), PluginName + ".csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
        var reference = Assert.Single(project.Descendants("Reference"));
        Assert.Equal("CaseIngest.Abstractions", reference.Attribute("Include")?.Value);
        Assert.Equal("false", reference.Element("Private")?.Value);
        Assert.Equal(PluginName, project.Descendants("AssemblyName").Single().Value);
        var central = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value, StringComparer.Ordinal);
        var packages = project.Descendants("PackageReference").ToList();
        Assert.NotEmpty(packages);
        Assert.All(packages, p => Assert.Equal(central[p.Attribute("Include")!.Value], p.Attribute("Version")?.Value));
    }

    /// <summary>Installs the template into a hive in <paramref name="work"/> (nothing of the user's dotnet new changes,
    /// nothing is downloaded) and creates the plugin project; returns its folder.</summary>
    private static async Task<string> InstantiateAsync(string work)
    {
        var hive = Path.Combine(work, "hive");
        var template = Path.Combine(TestPaths.RepoRoot, "templates", "CaseIngest.Plugin");
        var install = await DotnetProcess.RunAsync(work, ["new", "install", template, "--debug:custom-hive", hive]);
        Assert.True(install.ExitCode == 0, install.ToString());

        var project = Path.Combine(work, "src", PluginName);
        // The folder of caseingest.dll in this test's output holds the host's CaseIngest.Abstractions.dll.
        var create = await DotnetProcess.RunAsync(work, ["new", "caseingest-plugin", "-n", PluginName, "-o", project,
            "--caseingest-home", AppContext.BaseDirectory, "--debug:custom-hive", hive]);
        Assert.True(create.ExitCode == 0, create.ToString());
        return project;
    }
}
