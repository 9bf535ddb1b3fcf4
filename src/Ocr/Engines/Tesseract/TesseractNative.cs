using System.Runtime.InteropServices;

namespace CaseIngest.Ocr.Engines.Tesseract;

/// <summary>The parts of libtesseract's and leptonica's C APIs this plugin uses (Debian's libtesseract5).</summary>
internal static partial class TesseractNative
{
    private const string Tesseract = "libtesseract.so.5";
    private const string Leptonica = "liblept.so.5";

    public const int PageSegModeSingleBlock = 6;
    public const int PageSegModeSingleLine = 7;
    public const int LevelTextLine = 2;

    [LibraryImport(Tesseract)]
    public static partial TessApiHandle TessBaseAPICreate();

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(TessApiHandle handle, string? dataPath, string language);

    [LibraryImport(Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessBaseAPISetVariable(TessApiHandle handle, string name, string value);

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPISetPageSegMode(TessApiHandle handle, int mode);

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPISetImage2(TessApiHandle handle, PixHandle pix);

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPISetSourceResolution(TessApiHandle handle, int ppi);

    [LibraryImport(Tesseract)]
    public static partial int TessBaseAPIRecognize(TessApiHandle handle, IntPtr monitor);

    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPIClear(TessApiHandle handle);

    [LibraryImport(Tesseract)]
    public static partial IntPtr TessBaseAPIGetIterator(TessApiHandle handle);

    [LibraryImport(Tesseract)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Tesseract)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Tesseract)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Tesseract)]
    public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);

    [LibraryImport(Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessPageIteratorBoundingBox(IntPtr iterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Tesseract)]
    public static partial void TessDeleteText(IntPtr text);

    /// <summary>Layout analysis alone (no recognition): a page iterator over what it found, or null.</summary>
    [LibraryImport(Tesseract)]
    public static partial IntPtr TessBaseAPIAnalyseLayout(TessApiHandle handle);

    [LibraryImport(Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessPageIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Tesseract)]
    public static partial void TessPageIteratorDelete(IntPtr iterator);

    /// <summary>Restricts recognition to a rectangle of the image set last (kept across calls until the next image).</summary>
    [LibraryImport(Tesseract)]
    public static partial void TessBaseAPISetRectangle(TessApiHandle handle, int left, int top, int width, int height);

    /// <summary>Recognises (if not yet done) and returns the text as UTF-8, to be freed with TessDeleteText.</summary>
    [LibraryImport(Tesseract)]
    public static partial IntPtr TessBaseAPIGetUTF8Text(TessApiHandle handle);

    /// <summary>The mean confidence (0–100) of the last recognition's words.</summary>
    [LibraryImport(Tesseract)]
    public static partial int TessBaseAPIMeanTextConf(TessApiHandle handle);

    /// <summary>A new image, its pixels zeroed.</summary>
    [LibraryImport(Leptonica)]
    public static partial PixHandle pixCreate(int width, int height, int depth);

    /// <summary>32-bit words per row.</summary>
    [LibraryImport(Leptonica)]
    public static partial int pixGetWpl(PixHandle pix);

    [LibraryImport(Leptonica)]
    public static partial IntPtr pixGetData(PixHandle pix);

    [LibraryImport(Leptonica)]
    public static partial void pixDestroy(ref IntPtr pix);
}

/// <summary>Owns a TessBaseAPI; ends and deletes it once.</summary>
internal sealed class TessApiHandle : SafeHandle
{
    public TessApiHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}

/// <summary>Owns a leptonica PIX; destroys it once.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        TesseractNative.pixDestroy(ref pix);
        return true;
    }
}
