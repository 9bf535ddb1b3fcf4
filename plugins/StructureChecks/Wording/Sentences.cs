namespace CaseIngest.Plugins.StructureChecks.Wording;

/// <summary>A paragraph cut into sentences at 。！？；, with where each starts: the rules that read statements (a go-live
/// date, an indicator's figure, a partner's role) bind words only within one sentence.</summary>
internal static class Sentences
{
    public static IEnumerable<(int Start, string Text)> Of(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n')
            {
                if (i > start)
                {
                    yield return (start, paragraph[start..i]);
                }

                start = i + 1;
            }
        }

        if (start < paragraph.Length)
        {
            yield return (start, paragraph[start..]);
        }
    }
}
