using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Core.Conversion;

/// <summary>The <c>Conversion</c> section: how legacy and foreign documents (.doc, .rtf, .odt, a Word .wps) are turned
/// into .docx with LibreOffice before they are read.</summary>
public sealed class ConversionOptions : IValidatableObject
{
    public const string SectionName = "Conversion";

    /// <summary>Off: such files reach the plugins as submitted, which report them as unreadable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The soffice executable; null looks in the usual places (Debian's /usr/bin/soffice first).</summary>
    public string? Soffice { get; set; }

    /// <summary>How long one conversion may take before soffice is killed and the file reported as unconvertible.</summary>
    [Range(5, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Converted documents by the sha256 of the submitted file: a package processed again (recheck, a
    /// resubmission holding the same file) is not converted twice.</summary>
    [Required]
    public string CachePath { get; set; } = "./data/conversions";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Soffice is not null && !File.Exists(Soffice))
        {
            yield return new ValidationResult($"Conversion:Soffice names {Soffice}, which does not exist", [nameof(Soffice)]);
        }
    }
}
