using CaseIngest.Search.Documents;

namespace CaseIngest.Search.Highlighting;

/// <summary>A hit as both backends show it: the title with its matches marked, and the snippets cut from the searched
/// scope's own text (a report search: the report's text alone, never a finding's message or OCR noise).</summary>
internal static class HitSnippets
{
    public const int MaxFragments = 3;
    public const int FragmentLength = 120;

    public static SearchHit Hit(CaseDocument document, double score, string scope, IReadOnlyList<QueryNeedle> needles)
    {
        if (needles.Count == 0)
        {
            return document.ToHit(score, null, []);
        }

        // The title (and the form's case name) head the hit already: a report's own title line is not a snippet.
        var titles = document.Title.Split('\n');
        var title = scope == SearchScopes.Report ? SnippetMaker.MarkWhole(titles[0], needles) : null;
        return document.ToHit(score, title, SnippetMaker.Fragments(document.TextOf(scope), needles, MaxFragments, FragmentLength, titles));
    }
}
