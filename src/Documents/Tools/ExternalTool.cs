using System.ComponentModel;
using System.Diagnostics;

namespace CaseIngest.Documents.Tools;

/// <summary>One run of a command-line tool (pdftoppm, LibreOffice): started without a shell, both pipes drained (a
/// chatty tool blocks on a full pipe and only the timeout would end it), and the whole process tree killed when it
/// outlives its timeout or the caller cancels. Callers turn the outcome into their own error.</summary>
public static class ExternalTool
{
    /// <exception cref="OperationCanceledException">The caller cancelled; the tool was killed.</exception>
    public static async Task<ExternalToolRun> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{executable} did not start");
        }
        catch (Win32Exception ex)
        {
            return ExternalToolRun.NotStarted(ex.Message);
        }

        using (process)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return ExternalToolRun.TimedOutRun;
            }

            return new ExternalToolRun(true, false, process.ExitCode, await output, await error);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself between the deadline and the kill.
        }
    }
}

/// <summary>How a tool's run ended. <see cref="Error"/> holds the reason it could not start when <see cref="Started"/> is false.</summary>
public sealed record ExternalToolRun(bool Started, bool TimedOut, int ExitCode, string Output, string Error)
{
    public static ExternalToolRun TimedOutRun { get; } = new(true, true, -1, "", "");

    public static ExternalToolRun NotStarted(string reason) => new(false, false, -1, "", reason);

    public bool Succeeded => Started && !TimedOut && ExitCode == 0;
}
