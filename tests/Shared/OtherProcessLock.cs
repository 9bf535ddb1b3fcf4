using System.Diagnostics;

namespace CaseIngest.Testing;

/// <summary>Another process on a lane's lock file: util-linux's <c>flock</c>, which takes the same kind of lock
/// (<c>flock(2)</c>, exclusive) as the machine's lanes.</summary>
public static class OtherProcessLock
{
    /// <summary>A process holding the lock file until it is killed; returns once it holds it.</summary>
    public static Process Hold(string lockFile)
    {
        var start = new ProcessStartInfo("flock", ["--exclusive", "--close", lockFile, "sh", "-c", "echo held; exec cat"])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        var process = Process.Start(start)!;
        Assert.Equal("held", process.StandardOutput.ReadLine());
        return process;
    }

    /// <summary>Whether another process could take the lock right now (not waiting for it).</summary>
    public static bool CouldTake(string lockFile)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--nonblock", lockFile, "true"]))!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
