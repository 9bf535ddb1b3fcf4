namespace CaseIngest.Plugins.StructureChecks.Reading;

/// <summary>The report file cannot be read; the message names the file and what is wrong with it, in Chinese,
/// for the finding a reviewer sees.</summary>
internal sealed class ReportUnreadableException : Exception
{
    public ReportUnreadableException(string message)
        : base(message)
    {
    }

    public ReportUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReportUnreadableException()
    {
    }
}
