using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace CaseIngest.Ocr.Engines.Tesseract;

/// <summary>
/// An 8-bit grey OpenCV image copied into a leptonica PIX of its own, row by row. Leptonica keeps pixels in 32-bit words,
/// the first pixel in the word's most significant byte: on a little-endian machine each row's bytes are reversed four at
/// a time. The PIX is leptonica's and outlives nothing of OpenCV's (handing OpenCV's buffer straight to
/// TessBaseAPISetImage crashed in an earlier trial). Encoding a PGM for leptonica to read back instead took some 11 % of
/// an OcrBench Tesseract corpus run's CPU samples: leptonica reads a PGM one <c>fread</c> per pixel.
/// </summary>
internal static class GreyPix
{
    private const int BitsPerPixel = 8;

    public static unsafe PixHandle From(Mat grey)
    {
        if (grey.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"Tesseract is handed 8-bit grey images; this one is {grey.Type()}", nameof(grey));
        }

        var (width, height) = (grey.Width, grey.Height);
        var pix = TesseractNative.pixCreate(width, height, BitsPerPixel);
        if (pix.IsInvalid)
        {
            throw new InvalidOperationException($"leptonica could not make a {width} × {height} image for Tesseract");
        }

        var wordsPerLine = TesseractNative.pixGetWpl(pix);
        var data = (uint*)TesseractNative.pixGetData(pix);
        // One row, padded with zeros to whole words.
        var row = new byte[wordsPerLine * sizeof(uint)];
        for (var y = 0; y < height; y++)
        {
            new ReadOnlySpan<byte>((void*)grey.Ptr(y), width).CopyTo(row);
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(row), new Span<uint>(data + (long)y * wordsPerLine, wordsPerLine));
        }

        return pix;
    }
}
