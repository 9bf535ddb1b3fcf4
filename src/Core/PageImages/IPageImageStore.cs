namespace CaseIngest.Core.PageImages;

/// <summary>Every page of a package's page files (signature pages, PDFs) as an image a browser shows, rendered once at
/// ingest and kept beside the package store, addressed by the file's sha256 and the page number. The one place that turns
/// a page into an image: the web pages show them, and page-level work (roles by page) can read them.</summary>
public interface IPageImageStore
{
    /// <summary>Renders and keeps every page of a file (a PDF through poppler's pdftoppm; a JPEG or PNG kept as it is)
    /// unless it is kept already. Returns how many pages are kept; 0 for a file that has no page a browser can show.</summary>
    Task<int> RenderAsync(string fileName, string filePath, string fileSha256, CancellationToken cancellationToken);

    /// <summary>The kept image of a page (1-based) of the file with this sha256, or null.</summary>
    StoredPageImage? Find(string fileSha256, int page);
}

/// <summary>A kept page image: its path on disk and its content type.</summary>
public sealed record StoredPageImage(string Path, string ContentType);
