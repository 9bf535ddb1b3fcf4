namespace CaseIngest.Core.Pipeline.Timing;

/// <summary>The stages of a package, as <see cref="PackageTimings"/> and the log name them.</summary>
public static class PackageStages
{
    /// <summary>The package read: a zip's entries extracted (or a folder's files listed) and hashed.</summary>
    public const string Read = "read";

    /// <summary>The package copied into the package store (nothing when it is kept already).</summary>
    public const string Store = "store";

    /// <summary>Legacy documents converted, every file's role decided (a .docx opened for it).</summary>
    public const string Files = "files";

    /// <summary>Signature pages and PDFs rendered as images for the case page: image work, like OCR.</summary>
    public const string PageImages = "pageImages";

    /// <summary>Every plugin step and enricher, the severities and the verdict.</summary>
    public const string Plugins = "plugins";

    /// <summary>The record saved in the index, durable on return.</summary>
    public const string Index = "index";

    /// <summary>The work folder deleted and freed native memory handed back.</summary>
    public const string Cleanup = "cleanup";
}
