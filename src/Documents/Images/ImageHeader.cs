using System.Buffers.Binary;

namespace CaseIngest.Documents.Images;

/// <summary>
/// An image's pixel size read from its header without decoding it: for a page that draws boxes in the image's own
/// pixels, and to refuse a decompression bomb (a small file of a huge image) before it is decoded. PNG, JPEG and TIFF
/// (first page); null for anything else or a header that does not say.
/// </summary>
public static class ImageHeader
{
    private const int HeadLength = 64 * 1024;
    private const int MaxTiffEntries = 512;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The size from a file's bytes (the whole file, or at least its header).</summary>
    public static (int Width, int Height)? ReadSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return JpegSize(bytes);
        }

        return bytes.Length >= 8 && (bytes[..4].SequenceEqual("II*\0"u8) || bytes[..4].SequenceEqual("MM\0*"u8))
            ? TiffSize(bytes, bytes[0] == (byte)'I')
            : null;
    }

    /// <summary>The size from a seekable stream, reading no more than the header (a TIFF's first directory may lie
    /// anywhere in the file: it is read where it is).</summary>
    public static (int Width, int Height)? ReadSize(Stream stream)
    {
        var head = new byte[HeadLength];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        if (bytes.Length < 8 || !(bytes[..4].SequenceEqual("II*\0"u8) || bytes[..4].SequenceEqual("MM\0*"u8)))
        {
            return ReadSize(bytes);
        }

        var littleEndian = bytes[0] == (byte)'I';
        var ifd = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        if (ifd + 2L <= bytes.Length)
        {
            return TiffDirectorySize(bytes[(int)ifd..], littleEndian);
        }

        if (ifd + 2L > stream.Length)
        {
            return null;
        }

        // The first directory lies past the head: its entry count and up to 512 entries of 12 bytes.
        var directory = new byte[2 + MaxTiffEntries * 12];
        stream.Position = ifd;
        var read = stream.ReadAtLeast(directory, directory.Length, throwOnEndOfStream: false);
        return TiffDirectorySize(directory.AsSpan(0, read), littleEndian);
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
            if (marker == 0xFF)
            {
                // A fill byte before the marker.
                at++;
                continue;
            }

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

    private static (int, int)? TiffSize(ReadOnlySpan<byte> bytes, bool littleEndian)
    {
        var ifd = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        return ifd + 2L > bytes.Length ? null : TiffDirectorySize(bytes[(int)ifd..], littleEndian);
    }

    // A TIFF image file directory: a count, then entries of tag, type, count and value; 256 is the width, 257 the height.
    private static (int, int)? TiffDirectorySize(ReadOnlySpan<byte> directory, bool littleEndian)
    {
        ushort U16(ReadOnlySpan<byte> b) => littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
        uint U32(ReadOnlySpan<byte> b) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

        var entries = Math.Min((int)U16(directory), MaxTiffEntries);
        var table = directory[2..];
        if (table.Length < entries * 12)
        {
            return null;
        }

        int? width = null, height = null;
        for (var i = 0; i < entries; i++)
        {
            var entry = table.Slice(i * 12, 12);
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
