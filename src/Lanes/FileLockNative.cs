using System.Runtime.InteropServices;

namespace CaseIngest.Lanes;

/// <summary>
/// libc's <c>open</c>, <c>flock</c> and <c>close</c> (Linux). .NET's own file handles cannot carry these locks: a
/// <see cref="FileStream"/> opened for sharing takes a shared <c>flock</c> itself, which every exclusive one would then
/// wait on, and <see cref="FileShare.None"/> only ever tries once. The lanes need a lock the kernel lets go the moment
/// its holder does, or dies.
/// </summary>
internal static partial class FileLockNative
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int Unlock = 8;

    // Linux x86-64 and arm64 share these values.
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int OwnerReadWrite = 0x180; // 0600

    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN)

    /// <summary>The file opened (created when missing) for this caller alone: each caller's descriptor is its own
    /// open file description, which is what <c>flock</c> locks.</summary>
    public static int OpenLockFile(string path)
    {
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, OwnerReadWrite);
        return fd >= 0
            ? fd
            : throw new IOException($"{path}: cannot open the lane's lock file (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>True when the lock was taken; false when another description holds it.</summary>
    public static bool TryLock(int fd, string path)
    {
        while (true)
        {
            if (FLock(fd, LockExclusive | LockNonBlocking) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == WouldBlock)
            {
                return false;
            }

            if (errno != Interrupted)
            {
                throw new IOException($"{path}: cannot lock the lane (errno {errno})");
            }
        }
    }

    public static void Release(int fd) => _ = FLock(fd, Unlock);

    public static void Close(int fd) => _ = CloseFile(fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FLock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFile(int fd);
}
