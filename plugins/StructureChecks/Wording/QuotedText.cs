namespace CaseIngest.Plugins.StructureChecks.Wording;

/// <summary>Which characters of a paragraph stand inside quotation marks. A quoted slogan, interview or customer's letter
/// speaks in its own voice, so the wording rules (first and second person, bare 公司) do not hold it against the report.</summary>
internal static class QuotedText
{
    /// <summary>true at every index inside “…”, 「…」, 『…』, ‘…’ or "…" (the marks themselves included).</summary>
    public static bool[] Mask(string text)
    {
        var inside = new bool[text.Length];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '「' or '『' or '‘')
            {
                depth++;
            }
            else if (c is '”' or '」' or '』' or '’')
            {
                inside[i] = true;
                depth = Math.Max(0, depth - 1);
                continue;
            }
            else if (c == '"')
            {
                // Straight quotes open and close alike.
                var closing = depth > 0;
                depth = closing ? depth - 1 : depth + 1;
                if (closing)
                {
                    inside[i] = true;
                    continue;
                }
            }

            inside[i] = depth > 0;
        }

        return inside;
    }
}
