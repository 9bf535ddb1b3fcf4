using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CaseIngest.Core.Packages;

/// <summary>Entry names as the zip's central directory stores them: the raw bytes and the UTF-8 flag (bit 11), so
/// names written by Chinese Windows tools (GBK, no flag) can be told from UTF-8 ones. System.IO.Compression decodes
/// unflagged names with one fixed encoding, which cannot be right for both.</summary>
internal static class ZipEntryNames
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const int Utf8Flag = 1 << 11;

    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding s_strictGbk =
        CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly Encoding s_lenientGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    /// <summary>The decoded names in central-directory order (the order of <c>ZipArchive.Entries</c>), or null when the
    /// directory cannot be walked (zip64, a damaged end record): the caller then keeps the library's names.</summary>
    public static IReadOnlyList<string>? Read(Stream zip)
    {
        if (!zip.CanSeek || zip.Length < 22)
        {
            return null;
        }

        // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
        var tailLength = (int)Math.Min(zip.Length, 22 + 0xFFFF);
        // Borrowed: 64 KiB for every zip package, read once and dropped.
        var tail = ArrayPool<byte>.Shared.Rent(tailLength);
        try
        {
            return ReadDirectory(zip, tail.AsSpan(0, tailLength));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tail);
        }
    }

    private static List<string>? ReadDirectory(Stream zip, Span<byte> tail)
    {
        var tailLength = tail.Length;
        zip.Seek(-tailLength, SeekOrigin.End);
        zip.ReadExactly(tail);
        var end = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) == EndOfCentralDirectorySignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(tail[(end + 10)..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(tail[(end + 12)..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail[(end + 16)..]);
        if (count == 0xFFFF || offset == 0xFFFFFFFF || offset + size > zip.Length)
        {
            return null;
        }

        var directory = new byte[size];
        zip.Seek(offset, SeekOrigin.Begin);
        zip.ReadExactly(directory);
        var names = new List<string>(count);
        var position = 0;
        while (position + 46 <= directory.Length
               && BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(position)) == CentralHeaderSignature)
        {
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(position + 8));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(position + 28));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(position + 30));
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(position + 32));
            if (position + 46 + nameLength > directory.Length)
            {
                return null;
            }

            names.Add(Decode(directory.AsSpan(position + 46, nameLength), (flags & Utf8Flag) != 0));
            position += 46 + nameLength + extraLength + commentLength;
        }

        return names;
    }

    /// <summary>UTF-8 when flagged or when the bytes are valid UTF-8; else GBK (GB18030 as a last, lenient resort).</summary>
    public static string Decode(ReadOnlySpan<byte> raw, bool utf8Flag)
    {
        if (utf8Flag)
        {
            return Encoding.UTF8.GetString(raw);
        }

        try
        {
            return s_strictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
        }

        try
        {
            return s_strictGbk.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            return s_lenientGb18030.GetString(raw);
        }
    }
}
