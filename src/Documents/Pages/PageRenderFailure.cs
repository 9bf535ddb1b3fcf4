namespace CaseIngest.Documents.Pages;

/// <summary>Why a file's pages could not be rendered: callers word it for their readers (a log line, a finding).</summary>
public enum PageRenderFailure
{
    /// <summary>pdftoppm (poppler-utils) could not be started.</summary>
    ToolMissing,

    /// <summary>pdftoppm ran and gave up (a damaged PDF, a page past the last).</summary>
    ToolFailed,

    /// <summary>Rendering took longer than the rasteriser's timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The image file (a TIFF) is damaged or of a kind that cannot be decoded.</summary>
    Undecodable,
}
