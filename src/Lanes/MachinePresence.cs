namespace CaseIngest.Lanes;

/// <summary>
/// Which processes of one kind run on the machine: each holds a <c>flock</c> on a file of its own in a folder for as
/// long as it runs, and counts the files whose lock someone holds. The kernel drops the lock of a process that dies, so
/// a dead process stops counting at once; the first count after that deletes its file.
/// </summary>
public sealed class MachinePresence : IDisposable
{
    private const string Extension = ".present";

    private readonly string _folder;
    private readonly string _pattern;
    private readonly string _ownPath;
    private int _descriptor;

    private MachinePresence(string folder, string kind, string ownPath, int descriptor)
    {
        _folder = folder;
        _pattern = kind + "-*" + Extension;
        _ownPath = ownPath;
        _descriptor = descriptor;
    }

    /// <summary>Counts this process in among the <paramref name="kind"/> processes of <paramref name="folder"/>.</summary>
    /// <exception cref="IOException">The folder or the file cannot be created; the message names it.</exception>
    public static MachinePresence Join(string folder, string kind)
    {
        Directory.CreateDirectory(folder);
        var name = $"{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        // Locked under another name first, then renamed (the lock stays with the file): a count never sees the file
        // in the moment between its creation and its lock, when it would take it for a dead process's and delete it.
        var joining = Path.Combine(folder, name + ".joining");
        var ownPath = Path.Combine(folder, name + Extension);
        var descriptor = FileLockNative.OpenLockFile(joining);
        try
        {
            if (!FileLockNative.TryLock(descriptor, joining))
            {
                throw new IOException($"{joining}: cannot lock a file of our own");
            }

            File.Move(joining, ownPath);
            return new MachinePresence(folder, kind, ownPath, descriptor);
        }
        catch
        {
            FileLockNative.Close(descriptor);
            File.Delete(joining);
            throw;
        }
    }

    /// <summary>The processes of the kind running now, this one included.</summary>
    public int Count()
    {
        string[] paths;
        try
        {
            paths = Directory.GetFiles(_folder, _pattern);
        }
        catch (DirectoryNotFoundException)
        {
            return 1; // the folder cleaned away under us: no other process can be seen
        }

        var count = 1;
        foreach (var path in paths)
        {
            if (string.Equals(path, _ownPath, StringComparison.Ordinal))
            {
                continue;
            }

            int descriptor;
            try
            {
                descriptor = FileLockNative.OpenLockFile(path);
            }
            catch (IOException)
            {
                continue; // deleted by another count meanwhile
            }

            try
            {
                if (!FileLockNative.TryLock(descriptor, path))
                {
                    count++;
                }
                else
                {
                    // Nobody holds it: its process is gone.
                    File.Delete(path);
                }
            }
            finally
            {
                FileLockNative.Close(descriptor);
            }
        }

        return count;
    }

    public void Dispose()
    {
        if (_descriptor < 0)
        {
            return;
        }

        try
        {
            File.Delete(_ownPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another count deletes it once the lock is gone.
        }

        FileLockNative.Close(_descriptor);
        _descriptor = -1;
    }
}
