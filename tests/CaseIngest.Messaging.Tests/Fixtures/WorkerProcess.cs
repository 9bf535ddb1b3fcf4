using System.Diagnostics;
using System.Text;
using CaseIngest.Testing;

namespace CaseIngest.Messaging.Tests.Fixtures;

/// <summary>The real <c>caseingest worker</c> (src/Host's build output) as a child process, configured through
/// environment variables (<c>RabbitMq__Uri</c> …) from a test environment, its log captured.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    private WorkerProcess(Process process) => _process = process;

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    public static WorkerProcess Start(WorkerTestEnvironment environment, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var start = StartInfo(environment, overrides, ["worker"]);
        var worker = new WorkerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.Start();
        worker._process.BeginErrorReadLine();
        worker._process.BeginOutputReadLine();
        return worker;
    }

    /// <summary>Runs another <c>caseingest</c> command to its end: exit code, stdout, stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(WorkerTestEnvironment environment,
        params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, null, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(WorkerTestEnvironment.Wait);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(WorkerTestEnvironment environment, IReadOnlyDictionary<string, string?>? overrides,
        IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = environment.Root,
        };
        start.ArgumentList.Add(HostAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment.Settings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        return start;
    }

    /// <summary>Completes when a log line contains <paramref name="text"/>; fails when the process exits first.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_gate)
        {
            if (_log.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
        }

        using var cancellation = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cancellation.Token);
        var finished = await Task.WhenAny(seen.Task, exited, Task.Delay(Timeout.Infinite, cancellation.Token));
        if (finished != seen.Task)
        {
            throw new TimeoutException($"The worker process never logged '{text}' (exited: {_process.HasExited}). Log:\n{Log}");
        }
    }

    /// <summary>SIGTERM, as a service manager stops a worker.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.AppendLine(line);
            foreach (var wait in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

    /// <summary>The host's build output (Release or Debug, the newer); the solution build makes it.</summary>
    private static string HostAssembly()
    {
        var candidates = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(TestPaths.RepoRoot, "src", "Host", "bin", c, "net10.0", "caseingest.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException("src/Host is not built: run `dotnet build src/Host/CaseIngest.Host.csproj` (scripts/test.sh does).");
    }
}
