using System.Buffers.Text;

namespace CaseIngest.Core.Memory;

/// <summary>The process's resident set as Linux counts it (<c>/proc/self/statm</c>), read without allocating: it is
/// read after every package.</summary>
internal static class ProcessMemory
{
    /// <summary>Resident bytes; 0 where <c>/proc/self/statm</c> cannot be read.</summary>
    public static long ResidentBytes()
    {
        Span<byte> line = stackalloc byte[128];
        int length;
        try
        {
            using var file = File.OpenHandle("/proc/self/statm");
            length = RandomAccess.Read(file, line, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        // "size resident shared text lib data dt", in pages.
        var fields = line[..length];
        var space = fields.IndexOf((byte)' ');
        return space >= 0 && Utf8Parser.TryParse(fields[(space + 1)..], out long pages, out _)
            ? pages * Environment.SystemPageSize
            : 0;
    }
}
