using System.Runtime.InteropServices;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Engines.Tesseract;

/// <summary>
/// Tesseract 5 through libtesseract's C API. Images reach it through leptonica's pixReadMem (OpenCV encodes a PGM in
/// memory, leptonica decodes it): handing OpenCV's raw buffer to TessBaseAPISetImage crashed beside OpenCV's own
/// libpng in a trial, while leptonica-read images did not.
/// </summary>
internal sealed class TesseractEngine : IOcrEngine
{
    private readonly TessApiHandle _api;
    private readonly int _threads;

    public TesseractEngine(string? tessdataPath, string languages, int threads = 1)
    {
        _threads = threads;
        _api = TesseractNative.TessBaseAPICreate();
        if (_api.IsInvalid)
        {
            throw new InvalidOperationException("libtesseract could not create an engine");
        }

        if (TesseractNative.TessBaseAPIInit3(_api, tessdataPath, languages) != 0)
        {
            _api.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load the languages '{languages}' from '{tessdataPath ?? "its default tessdata"}': install tesseract-ocr-chi-sim or set Plugins:OcrStamps:TessdataPath");
        }
    }

    public IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken) =>
        Recognise(grey, TesseractNative.PageSegModeSingleBlock, cancellationToken);

    public OcrLine ReadLine(Mat grey, CancellationToken cancellationToken)
    {
        var lines = Recognise(grey, TesseractNative.PageSegModeSingleLine, cancellationToken);
        var text = string.Join(' ', lines.Select(l => l.Text));
        var confidence = lines.Count == 0 ? 0 : lines.Average(l => l.Confidence);
        return new OcrLine(text, new Rect(0, 0, grey.Width, grey.Height), confidence);
    }

    private List<OcrLine> Recognise(Mat grey, int pageSegMode, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Cv2.ImEncode(".pgm", grey, out var encoded);
        using var pix = TesseractNative.pixReadMem(encoded, (nuint)encoded.Length);
        if (pix.IsInvalid)
        {
            throw new InvalidOperationException("leptonica could not read the page image handed to Tesseract");
        }

        TesseractThreading.ApplyToCurrentThread(_threads);
        TesseractNative.TessBaseAPISetPageSegMode(_api, pageSegMode);
        TesseractNative.TessBaseAPISetImage2(_api, pix);
        TesseractNative.TessBaseAPISetSourceResolution(_api, 300);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Tesseract failed to recognise the page");
            }

            return ReadLines();
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_api);
        }
    }

    private List<OcrLine> ReadLines()
    {
        var lines = new List<OcrLine>();
        var iterator = TesseractNative.TessBaseAPIGetIterator(_api);
        if (iterator == IntPtr.Zero)
        {
            return lines;
        }

        try
        {
            var pageIterator = TesseractNative.TessResultIteratorGetPageIterator(iterator);
            do
            {
                var textPointer = TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.LevelTextLine);
                if (textPointer == IntPtr.Zero)
                {
                    continue;
                }

                var text = Marshal.PtrToStringUTF8(textPointer)?.Trim() ?? "";
                TesseractNative.TessDeleteText(textPointer);
                var confidence = TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.LevelTextLine) / 100.0;
                if (text.Length > 0 && TesseractNative.TessPageIteratorBoundingBox(pageIterator, TesseractNative.LevelTextLine,
                        out var left, out var top, out var right, out var bottom))
                {
                    lines.Add(new OcrLine(text, new Rect(left, top, right - left, bottom - top), Math.Clamp(confidence, 0, 1)));
                }
            }
            while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.LevelTextLine));
        }
        finally
        {
            TesseractNative.TessResultIteratorDelete(iterator);
        }

        return lines;
    }

    public void Dispose() => _api.Dispose();
}
