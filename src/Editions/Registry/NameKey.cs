using System.Globalization;
using System.Text;

namespace CaseIngest.Editions.Registry;

/// <summary>The form in which unit names are compared: full-width folded to half-width (NFKC), spaces, punctuation and
/// symbols dropped (so 企业联合会/企业家协会, 企业联合会（企业家协会） and 企业联合会 企业家协会 are one), Latin lower-cased.
/// Nothing else is forgiven: a near-name is a different unit unless the registry lists it as an alias.</summary>
public static class NameKey
{
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var folded = name.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Format)
            {
                continue;
            }

            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>A raw name tidied for showing: trimmed, inner runs of spaces collapsed.</summary>
    public static string? Tidy(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
