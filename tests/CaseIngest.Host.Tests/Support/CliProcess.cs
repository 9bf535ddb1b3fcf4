namespace CaseIngest.Host.Tests.Support;

/// <summary>Runs the real <c>caseingest</c> (caseingest.dll from the test's output folder) as a process, configured by
/// environment to use the test's folder.</summary>
internal static class CliProcess
{
    public static Task<ProcessResult> RunAsync(TestHostFolder host, params string[] args) =>
        RunAsync(host, new Dictionary<string, string?>(), hangGuard: null, args);

    /// <summary>With <paramref name="settings"/> over the test folder's (plugin commands take no <c>--set</c>: their
    /// arguments are their own, so settings go by environment, as a deployment's do); <paramref name="hangGuard"/> for a
    /// command that does more than the two-minute guard allows on a loaded machine (the real plugins over a dozen
    /// packages), not a timing assertion.</summary>
    public static Task<ProcessResult> RunAsync(TestHostFolder host, IReadOnlyDictionary<string, string?> settings, TimeSpan? hangGuard, params string[] args)
    {
        var configuration = host.BaseConfiguration();
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var environment = configuration
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => "CASEINGEST_" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        return DotnetProcess.RunAsync(host.Root, [TestHostFolder.ChildHost, .. args], environment, hangGuard);
    }
}
