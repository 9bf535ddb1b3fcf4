namespace CaseIngest.Documents.Pages;

/// <summary>The image format of a rendered PDF page.</summary>
public enum RenderedPageFormat
{
    /// <summary>Lossless: what is read by machine.</summary>
    Png,

    /// <summary>JPEG at quality 90: what is shown to people, a fifth of the PNG's size for a scanned page.</summary>
    Jpeg,
}
