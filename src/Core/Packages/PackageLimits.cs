using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Core.Packages;

/// <summary>The <c>Packages</c> section: what a package may hold before it is refused. The defaults leave room for
/// the largest real submissions (a few scanned PDFs) and stop zip bombs long before they fill a disk.</summary>
public sealed class PackageLimits
{
    public const string SectionName = "Packages";

    /// <summary>Files (zip entries) in one package.</summary>
    [Range(1, 1_000_000)]
    public int MaxEntries { get; set; } = 200;

    /// <summary>Bytes of one file once extracted.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Bytes of all files once extracted.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 400L * 1024 * 1024;

    /// <summary>Bytes of the package itself (the .zip or the folder's files).</summary>
    [Range(1, long.MaxValue)]
    public long MaxPackageBytes { get; set; } = 400L * 1024 * 1024;

    /// <summary>Extracted bytes per compressed byte of one entry; checked once an entry passes <see cref="RatioFloorBytes"/>.</summary>
    [Range(1, 100_000)]
    public double MaxCompressionRatio { get; set; } = 200;

    /// <summary>Below this many extracted bytes an entry's ratio is not held against it (tiny text files compress well).</summary>
    [Range(0, long.MaxValue)]
    public long RatioFloorBytes { get; set; } = 1024 * 1024;
}
