using System.Buffers.Binary;

namespace CaseIngest.Plugins.OcrStamps.Pages;

/// <summary>
/// Reads an image's pixel size from its header without decoding it, so a decompression bomb (a small file of a huge
/// image) is refused before it is decoded. PNG, JPEG and TIFF (first page); null for anything else.
/// </summary>
internal static class ImageHeader
{
    public static (int Width, int Height)? ReadSize(Stream stream)
    {
        var head = new byte[64 * 1024];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return JpegSize(bytes);
        }

        if (bytes.Length >= 8 && (bytes[..4].SequenceEqual("II*\0"u8) || bytes[..4].SequenceEqual("MM\0*"u8)))
        {
            return TiffSize(stream, bytes[0] == (byte)'I');
        }

        return null;
    }

    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            var segment = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]));
            }

            at += 2 + segment;
        }

        return null;
    }

    private static (int, int)? TiffSize(Stream stream, bool littleEndian)
    {
        ushort U16(ReadOnlySpan<byte> b) => littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
        uint U32(ReadOnlySpan<byte> b) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

        Span<byte> header = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(header);
        var ifd = U32(header[4..]);
        if (ifd + 2 > stream.Length)
        {
            return null;
        }

        stream.Position = ifd;
        Span<byte> count = stackalloc byte[2];
        stream.ReadExactly(count);
        var entries = Math.Min((int)U16(count), 512);
        var table = new byte[entries * 12];
        if (stream.ReadAtLeast(table, table.Length, throwOnEndOfStream: false) < table.Length)
        {
            return null;
        }

        int? width = null, height = null;
        for (var i = 0; i < entries; i++)
        {
            var entry = table.AsSpan(i * 12, 12);
            var tag = U16(entry);
            var type = U16(entry[2..]);
            var value = type == 3 ? U16(entry[8..]) : (int)Math.Min(U32(entry[8..]), int.MaxValue);
            if (tag == 256)
            {
                width = value;
            }
            else if (tag == 257)
            {
                height = value;
            }
        }

        return width is { } w && height is { } h ? (w, h) : null;
    }
}
