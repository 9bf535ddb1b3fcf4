using System.Diagnostics;

namespace CaseIngest.Host.Tests.Support;

/// <summary>What a child process said and how it ended.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Output and error, for an assertion's message.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}

/// <summary>Runs <c>dotnet</c> as a child process: the real <c>caseingest</c>, <c>dotnet new</c>, <c>dotnet build</c>.</summary>
internal static class DotnetProcess
{
    public static async Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? hangGuard = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        // The test runner's MSBuild settings must not leak into a build the test starts.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Not a timing assertion: only a guard so that a hung child fails the test instead of the whole run.
        using var guard = new CancellationTokenSource(hangGuard ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
