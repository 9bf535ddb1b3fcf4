using System.Text;

namespace CaseIngest.Search.Querying;

/// <summary>One part of a query: a "quoted" phrase that must match as written, or a loose term that matches as a phrase
/// (ranked higher) or as its bigrams scattered over the text.</summary>
internal sealed record QueryPart(string Text, bool IsQuoted);

/// <summary>Splits the text a person typed into parts: quoted runs are phrases, the rest splits on white space.
/// Every part must match (a reviewer narrowing a search adds words).</summary>
internal static class QueryText
{
    public static IReadOnlyList<QueryPart> Parse(string? text)
    {
        var parts = new List<QueryPart>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c is '"' or '“' or '”')
            {
                Flush(parts, current, inQuotes);
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (char.IsWhiteSpace(c) || c == '\u3000'))
            {
                Flush(parts, current, isQuoted: false);
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(parts, current, inQuotes);
        return parts;
    }

    private static void Flush(List<QueryPart> parts, StringBuilder current, bool isQuoted)
    {
        var text = current.ToString().Trim();
        current.Clear();
        if (text.Length > 0)
        {
            parts.Add(new QueryPart(text, isQuoted));
        }
    }
}
