using BitMiracle.LibTiff.Classic;

namespace CaseIngest.Documents.Pages;

/// <summary>
/// Every frame of a (multi-page) TIFF to a PNG, decoded in managed code by LibTiff.NET: scanners write TIFF with CCITT
/// G4, LZW, JPEG or PackBits, bilevel, grey, palette or colour, and libtiff's RGBA reader turns each of them into the
/// same pixels. pdftoppm reads no TIFF, and the command-line splitters (tiffsplit, ImageMagick) are not what a machine
/// here is set up with. A frame's size is read from its directory before it is decoded, so a decompression bomb is
/// refused, not allocated; frames are decoded one at a time, cancellation checked between them.
/// </summary>
internal sealed class TiffFrameRenderer(PageRasterSettings settings)
{
    static TiffFrameRenderer()
    {
        // libtiff's error handler is library-wide and by default writes to the console: ours keeps no state, it hands
        // each message to the decode that caused it (its client data), which puts it into the exception it throws.
        Tiff.SetErrorHandler(new MessagesToSource());
    }

    public Task<IReadOnlyList<RenderedPage>> RenderAsync(string fileName, string path, string folder, PageSpan pages, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<IReadOnlyList<RenderedPage>>(Render(fileName, path, folder, pages, cancellationToken));
        }
        catch (Exception ex) when (ex is not (PageRenderException or OperationCanceledException or IOException or UnauthorizedAccessException))
        {
            // A port of C: a damaged file can surface as an index or cast error deep in a codec; to the caller it is a
            // file that cannot be decoded, named like any other.
            throw new PageRenderException(PageRenderFailure.Undecodable, fileName, pages, ex.Message, ex);
        }
    }

    private List<RenderedPage> Render(string fileName, string path, string folder, PageSpan pages, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        var source = new TiffSource(stream);
        using var tiff = Tiff.ClientOpen(fileName, "r", source, new SourceStream())
            ?? throw Undecodable(fileName, pages, source, "not a TIFF that can be read");
        var rendered = new List<RenderedPage>();
        var frames = tiff.NumberOfDirectories();
        for (var number = pages.First; number <= Math.Min(pages.Last, (int)frames); number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!tiff.SetDirectory((short)(number - 1)))
            {
                throw Undecodable(fileName, PageSpan.Page(number), source, "the frame's directory cannot be read");
            }

            rendered.Add(RenderFrame(tiff, fileName, number, Path.Combine(folder, number + ".png"), source));
        }

        if (rendered.Count == 0 && frames < pages.First)
        {
            throw Undecodable(fileName, pages, source, $"the file has {frames} frame(s)");
        }

        return rendered;
    }

    private RenderedPage RenderFrame(Tiff tiff, string fileName, int number, string target, TiffSource source)
    {
        var width = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        if (width <= 0 || height <= 0 || (long)width * height > settings.MaxPagePixels)
        {
            return new RenderedPage(number, null, width, height);
        }

        var raster = new int[width * height];
        if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
        {
            throw Undecodable(fileName, PageSpan.Page(number), source, "the frame cannot be decoded");
        }

        using (var file = File.Create(target))
        using (var png = new PngWriter(file, width, height))
        {
            var row = new byte[width * 3];
            for (var y = 0; y < height; y++)
            {
                var pixels = raster.AsSpan(y * width, width);
                for (var x = 0; x < width; x++)
                {
                    // libtiff packs a pixel as ABGR: red in the low byte.
                    var abgr = pixels[x];
                    row[x * 3] = (byte)Tiff.GetR(abgr);
                    row[(x * 3) + 1] = (byte)Tiff.GetG(abgr);
                    row[(x * 3) + 2] = (byte)Tiff.GetB(abgr);
                }

                png.WriteRow(row);
            }

            png.Finish();
        }

        return new RenderedPage(number, target, width, height);
    }

    private static PageRenderException Undecodable(string fileName, PageSpan pages, TiffSource source, string what) =>
        new(PageRenderFailure.Undecodable, fileName, pages,
            source.Errors.Count == 0 ? what : $"{what} ({string.Join("; ", source.Errors)})");

    /// <summary>The file being decoded and libtiff's messages about it.</summary>
    private sealed class TiffSource(Stream stream)
    {
        public Stream Stream { get; } = stream;

        public List<string> Errors { get; } = [];
    }

    /// <summary>libtiff's I/O over the <see cref="TiffSource"/> it is handed as client data.</summary>
    private sealed class SourceStream : TiffStream
    {
        public override int Read(object clientData, byte[] buffer, int offset, int count) => Of(clientData).Read(buffer, offset, count);

        public override void Write(object clientData, byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("TIFF files are only read");

        public override long Seek(object clientData, long offset, SeekOrigin origin) => Of(clientData).Seek(offset, origin);

        public override void Close(object clientData)
        {
            // The file is the caller's: it is closed where it was opened.
        }

        public override long Size(object clientData) => Of(clientData).Length;

        private static Stream Of(object clientData) => ((TiffSource)clientData).Stream;
    }

    private sealed class MessagesToSource : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
            // Reported through ErrorHandlerExt, which knows the decode.
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is TiffSource source && source.Errors.Count < 5)
            {
                source.Errors.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
            }
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
            // Warnings (unknown tags and the like) do not stop a decode and are not worth a reader's time.
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
