using System.Buffers.Binary;
using System.IO.Compression;

namespace CaseIngest.Documents.Tests.Pages;

/// <summary>The pixels of an 8-bit RGB PNG as the rasteriser writes it, inflated by .NET's zlib and unfiltered here,
/// so a test can say a page is mostly paper with some ink on it.</summary>
internal sealed record PngPixels(int Width, int Height, byte[] Rgb)
{
    public static PngPixels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal(8, bytes[24]);
        Assert.Equal(2, bytes[25]);
        using var data = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (bytes.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                data.Write(bytes, at + 8, length);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        var stride = width * 3;
        var rgb = new byte[stride * height];
        var filtered = new byte[stride + 1];
        for (var y = 0; y < height; y++)
        {
            zlib.ReadExactly(filtered);
            Assert.Equal(2, filtered[0]);   // "Up" throughout
            for (var i = 0; i < stride; i++)
            {
                rgb[(y * stride) + i] = unchecked((byte)(filtered[i + 1] + (y == 0 ? 0 : rgb[((y - 1) * stride) + i])));
            }
        }

        return new PngPixels(width, height, rgb);
    }

    /// <summary>The share of pixels darker than mid-grey.</summary>
    public double InkShare()
    {
        var dark = 0;
        for (var i = 0; i < Rgb.Length; i += 3)
        {
            dark += (Rgb[i] + Rgb[i + 1] + Rgb[i + 2]) / 3 < 128 ? 1 : 0;
        }

        return (double)dark / (Width * Height);
    }
}
