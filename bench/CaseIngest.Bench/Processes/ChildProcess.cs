using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CaseIngest.Bench.Processes;

/// <summary>A process started by the bench: its output captured line by line, its peak memory readable while it runs.</summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ChildProcess(Process process, Action<string>? onErrorLine)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data, null);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data, onErrorLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public TimeSpan Elapsed => _clock.Elapsed;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="onErrorLine"/> sees every line of its stderr (logs).</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onErrorLine = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        return new ChildProcess(process, onErrorLine);
    }

    /// <summary>Runs to the end; throws with its stderr when the exit code is not 0.</summary>
    public static async Task<ChildProcess> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var child = Start(fileName, arguments, workingDirectory, environment);
        await child.WaitForExitAsync(cancellationToken);
        if (child._process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} exited with {child._process.ExitCode}:\n{Tail(child.Error)}\n{Tail(child.Output)}");
        }

        return child;
    }

    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        _clock.Stop();
    }

    /// <summary>The process's peak resident set (VmHWM of /proc/PID/status) in MiB; null once it has ended.</summary>
    public double? PeakResidentMib() => StatusMib("VmHWM:");

    /// <summary>The resident set now (VmRSS): beside the peak it tells a baseline that creeps from a spike that passed.</summary>
    public double? ResidentMib() => StatusMib("VmRSS:");

    private double? StatusMib(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds (user + system) the process has used so far, from /proc/PID/stat; null once it has ended.</summary>
    public double? CpuSeconds()
    {
        try
        {
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is
            // the 14th field of the line, stime the 15th, in clock ticks (100 a second on Linux).
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                    + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds used by every child of this process that has ended and been waited for (getrusage).</summary>
    public static unsafe double EndedChildrenCpuSeconds()
    {
        const int RusageChildren = -1;
        // struct rusage: ru_utime and ru_stime (timeval: seconds, microseconds), then 14 longs.
        var usage = stackalloc long[18];
        _ = GetResourceUsage(RusageChildren, usage);
        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    /// <summary>SIGKILL, no grace: what a crash or an OOM kill does to a worker.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGTERM (a worker finishes or hands back what it holds), then SIGKILL if it is still there after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(40));
        _process.Dispose();
    }

    public static string Tail(string text, int lines = 20) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private void Append(StringBuilder target, string? line, Action<string>? observer)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }

        observer?.Invoke(line);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static unsafe partial int GetResourceUsage(int who, long* usage);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
