using System.Buffers.Binary;
using System.IO.Compression;

namespace CaseIngest.Documents.Pages;

/// <summary>
/// Writes 8-bit RGB PNG files row by row, so a decoded page never needs a second full-size copy. Each row is filtered
/// with "Up" (the difference to the row above), which suits scans: a white margin or a ruled line repeats down the
/// page and compresses to almost nothing. The zlib stream and CRC-32 are .NET's own; nothing else is needed.
/// </summary>
internal sealed class PngWriter : IDisposable
{
    private const byte FilterUp = 2;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Stream _file;
    private readonly MemoryStream _compressed = new();
    private readonly ZLibStream _zlib;
    private readonly byte[] _previous;
    private readonly byte[] _filtered;

    public PngWriter(Stream file, int width, int height)
    {
        _file = file;
        _previous = new byte[width * 3];
        _filtered = new byte[1 + width * 3];
        _zlib = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        _file.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;   // bits per channel
        header[9] = 2;   // colour type: RGB
        WriteChunk("IHDR"u8, header);
    }

    /// <summary>One row of <c>width × 3</c> bytes, red, green, blue.</summary>
    public void WriteRow(ReadOnlySpan<byte> rgb)
    {
        _filtered[0] = FilterUp;
        for (var i = 0; i < _previous.Length; i++)
        {
            _filtered[i + 1] = unchecked((byte)(rgb[i] - _previous[i]));
        }

        rgb[.._previous.Length].CopyTo(_previous);
        _zlib.Write(_filtered);
        if (_compressed.Length > 1 << 20)
        {
            FlushData();
        }
    }

    /// <summary>The rest of the image data and the end chunk.</summary>
    public void Finish()
    {
        _zlib.Dispose();
        FlushData();
        WriteChunk("IEND"u8, []);
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _compressed.Dispose();
    }

    private void FlushData()
    {
        if (_compressed.Length == 0)
        {
            return;
        }

        WriteChunk("IDAT"u8, _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length));
        _compressed.SetLength(0);
    }

    private void WriteChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        _file.Write(word);
        _file.Write(type);
        _file.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(uint.MaxValue, type), data));
        _file.Write(word);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected 0xEDB88320), a table-driven step; .NET's own lives in a package.</summary>
    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        var table = CrcTable;
        foreach (var b in bytes)
        {
            crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return crc;
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();
}
