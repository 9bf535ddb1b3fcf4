using System.Diagnostics;

namespace CaseIngest.Core.Tests.Support;

/// <summary>Runs the real <c>caseingest</c> (caseingest.dll from the test's output folder) as a process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(CoreTestHost host, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = host.Root,
        };
        info.ArgumentList.Add(CoreTestHost.ChildHost);
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in host.BaseConfiguration())
        {
            info.Environment["CASEINGEST_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
