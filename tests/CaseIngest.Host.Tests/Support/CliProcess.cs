namespace CaseIngest.Host.Tests.Support;

/// <summary>Runs the real <c>caseingest</c> (caseingest.dll from the test's output folder) as a process, configured by
/// environment to use the test's folder.</summary>
internal static class CliProcess
{
    public static Task<ProcessResult> RunAsync(TestHostFolder host, params string[] args)
    {
        var environment = host.BaseConfiguration()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => "CASEINGEST_" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        return DotnetProcess.RunAsync(host.Root, [TestHostFolder.ChildHost, .. args], environment);
    }
}
