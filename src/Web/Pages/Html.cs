using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CaseIngest.Web.Pages;

/// <summary>Encoding for server-rendered pages: everything people or packages wrote goes through <see cref="E"/>;
/// Chinese stays readable in the source.</summary>
internal static class Html
{
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly UrlEncoder s_urlEncoder = UrlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => text is null ? "" : s_encoder.Encode(text);

    public static string E(object? value) => E(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));

    public static string Url(string? text) => text is null ? "" : s_urlEncoder.Encode(text);

    /// <summary>A query string from name/value pairs, skipping empty values.</summary>
    public static string Query(IEnumerable<(string Name, string? Value)> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
