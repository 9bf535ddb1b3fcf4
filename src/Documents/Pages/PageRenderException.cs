namespace CaseIngest.Documents.Pages;

/// <summary>A file's pages could not be rendered; the message names the file and the pages asked for.</summary>
public sealed class PageRenderException : Exception
{
    public PageRenderException()
    {
    }

    public PageRenderException(string message)
        : base(message)
    {
    }

    public PageRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PageRenderException(PageRenderFailure failure, string fileName, PageSpan pages, string detail, Exception? innerException = null)
        : base($"{fileName} {pages}: {detail}", innerException)
    {
        Failure = failure;
        FileName = fileName;
        Pages = pages;
    }

    public PageRenderFailure Failure { get; }

    public string FileName { get; } = "";

    public PageSpan Pages { get; }
}
