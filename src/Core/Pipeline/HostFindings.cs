namespace CaseIngest.Core.Pipeline;

/// <summary>The <c>plugin</c> of findings the host itself raises (package_unreadable, missing_document).</summary>
public static class HostFindings
{
    public const string PluginName = "Host";
}
