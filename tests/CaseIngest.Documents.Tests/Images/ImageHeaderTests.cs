using System.Buffers.Binary;
using CaseIngest.Documents.Images;
using CaseIngest.Testing;

namespace CaseIngest.Documents.Tests.Images;

/// <summary>The one image-header reader: the web page's seal boxes and the OCR plugin's bomb guard read sizes through it.</summary>
public sealed class ImageHeaderTests
{
    [Fact]
    public void ReadSize_CorpusJpegAndPng_FromBytesAndFromAStream()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestPaths.CorpusPackage("D01"), "盖章页.jpg"));
        var png = File.ReadAllBytes(Path.Combine(TestPaths.CorpusPackage("D10"), "盖章页.png"));

        // Both scanned at 200 dpi on A4 (`file` agrees: 1654 x 2338).
        Assert.Equal((1654, 2338), ImageHeader.ReadSize(jpeg));
        Assert.Equal((1654, 2338), ImageHeader.ReadSize(png));
        Assert.Equal((1654, 2338), ImageHeader.ReadSize(new MemoryStream(jpeg)));
        Assert.Null(ImageHeader.ReadSize("%PDF-1.7"u8));
    }

    [Fact]
    public void ReadSize_JpegWithFillBytesBeforeTheFrameMarker_StillReadsTheFrame()
    {
        // SOI, an APP0 segment, two fill bytes, then SOF0 with height 300 and width 400.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x03, 0, 0, 0, 0, 0, 0];

        Assert.Equal((400, 300), ImageHeader.ReadSize(jpeg));
    }

    [Fact]
    public void ReadSize_TiffWhoseDirectoryLiesPastTheHead_ReadFromTheStream()
    {
        // A little-endian TIFF whose first directory sits at 100 000 (beyond the 64 KB head): width 5000, height 7000.
        const int directoryAt = 100_000;
        var tiff = new byte[directoryAt + 2 + 2 * 12];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), directoryAt);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(directoryAt), 2);
        WriteEntry(tiff.AsSpan(directoryAt + 2), tag: 256, value: 5000);
        WriteEntry(tiff.AsSpan(directoryAt + 14), tag: 257, value: 7000);

        Assert.Equal((5000, 7000), ImageHeader.ReadSize(new MemoryStream(tiff)));
        Assert.Equal((5000, 7000), ImageHeader.ReadSize(tiff));
    }

    private static void WriteEntry(Span<byte> entry, ushort tag, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4); // LONG
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
    }
}
