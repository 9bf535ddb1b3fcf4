using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Core.Storage;

/// <summary>The <c>Store</c> section: where processed packages are kept.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    [Required]
    public string Path { get; set; } = "./data/packages";
}
