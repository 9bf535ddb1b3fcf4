using System.Runtime.InteropServices;
using OpenCvSharp;

namespace CaseIngest.Ocr.Engines.Tesseract;

/// <summary>
/// Tesseract 5 through libtesseract's C API. Images reach it as leptonica images of their own (<see cref="GreyPix"/>).
/// </summary>
internal sealed class TesseractEngine : IOcrEngine
{
    /// <summary>The resolution pages are taken to have (an A4 scan at 300 dpi is 3508 pixels high).</summary>
    private const int SourcePpi = 300;

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
                $"Tesseract could not load the languages '{languages}' from '{tessdataPath ?? "its default tessdata"}': install tesseract-ocr-chi-sim or set the TessdataPath of the plugin that reads scans");
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

    public IReadOnlyList<TextRegion> FindLines(Mat grey, int maxSide, CancellationToken cancellationToken)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(grey.Width, grey.Height));
        using var small = scale < 1 ? grey.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area) : null;
        var regions = new List<TextRegion>();
        WithImage(small ?? grey, TesseractNative.PageSegModeSingleBlock, (int)Math.Round(SourcePpi * scale), () =>
        {
            var iterator = TesseractNative.TessBaseAPIAnalyseLayout(_api);
            if (iterator == IntPtr.Zero)
            {
                return;
            }

            try
            {
                do
                {
                    if (TesseractNative.TessPageIteratorBoundingBox(iterator, TesseractNative.LevelTextLine, out var left, out var top, out var right, out var bottom))
                    {
                        regions.Add(TextRegion.Of(new Rect(left, top, right - left, bottom - top)).Scaled(1 / scale));
                    }
                }
                while (TesseractNative.TessPageIteratorNext(iterator, TesseractNative.LevelTextLine));
            }
            finally
            {
                TesseractNative.TessPageIteratorDelete(iterator);
            }
        }, cancellationToken);
        return regions;
    }

    public IReadOnlyList<OcrLine> ReadRegions(Mat grey, IReadOnlyList<TextRegion> regions, CancellationToken cancellationToken)
    {
        var lines = new List<OcrLine>(regions.Count);
        WithImage(grey, TesseractNative.PageSegModeSingleLine, SourcePpi, () =>
        {
            var page = new Rect(0, 0, grey.Width, grey.Height);
            foreach (var region in regions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Tesseract reads upright rectangles: a region's bounds, with a little margin for the ascenders.
                var margin = (int)Math.Ceiling(region.Height * 0.1);
                var box = Rect.Inflate(region.Bounds, margin, margin) & page;
                if (box.Width <= 0 || box.Height <= 0)
                {
                    continue;
                }

                TesseractNative.TessBaseAPISetRectangle(_api, box.X, box.Y, box.Width, box.Height);
                var textPointer = TesseractNative.TessBaseAPIGetUTF8Text(_api);
                if (textPointer == IntPtr.Zero)
                {
                    continue;
                }

                var text = Marshal.PtrToStringUTF8(textPointer)?.Trim() ?? "";
                TesseractNative.TessDeleteText(textPointer);
                if (text.Length > 0)
                {
                    var confidence = TesseractNative.TessBaseAPIMeanTextConf(_api) / 100.0;
                    lines.Add(new OcrLine(region.LineText(text.ReplaceLineEndings(" ")), region.Bounds, Math.Clamp(confidence, 0, 1)));
                }
            }
        }, cancellationToken);
        return lines;
    }

    private List<OcrLine> Recognise(Mat grey, int pageSegMode, CancellationToken cancellationToken)
    {
        var lines = new List<OcrLine>();
        WithImage(grey, pageSegMode, SourcePpi, () =>
        {
            if (TesseractNative.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Tesseract failed to recognise the page");
            }

            lines = ReadLines();
        }, cancellationToken);
        return lines;
    }

    /// <summary>Hands <paramref name="grey"/> to Tesseract, runs <paramref name="work"/> on it, and clears it.</summary>
    private void WithImage(Mat grey, int pageSegMode, int ppi, Action work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var pix = GreyPix.From(grey);
        TesseractThreading.ApplyToCurrentThread(_threads);
        TesseractNative.TessBaseAPISetPageSegMode(_api, pageSegMode);
        TesseractNative.TessBaseAPISetImage2(_api, pix);
        TesseractNative.TessBaseAPISetSourceResolution(_api, Math.Max(70, ppi));
        try
        {
            work();
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
