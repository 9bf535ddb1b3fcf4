using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Wording;

/// <summary>One place a wording rule found: the paragraph, the term and where it stands.</summary>
internal readonly record struct WordingHit(ReportParagraph Paragraph, string Term, int At)
{
    /// <summary>"二、案例内容第 12 段“…由公司数字港口运营中心负责…”": where a reviewer finds it, with the words around it.</summary>
    public string Describe() => $"{Paragraph.Section ?? "正文前"}第 {Paragraph.Index + 1} 段“{Around(Paragraph.Text, At, Term.Length)}”";

    private static string Around(string text, int at, int length)
    {
        var start = Math.Max(0, at - 12);
        var end = Math.Min(text.Length, at + length + 12);
        return (start > 0 ? "…" : "") + text[start..end].Replace('\n', ' ') + (end < text.Length ? "…" : "");
    }
}

/// <summary>The paragraphs the wording rules read (本文 and headings: not the title, company line or 目录) and the
/// evidence they give: every hit with its paragraph and quote.</summary>
internal static class WordingHits
{
    public static IEnumerable<ReportParagraph> Readable(ReportDocument document) =>
        document.Paragraphs.Where(p => p.Kind is not (ParagraphKind.Empty or ParagraphKind.TocEntry or ParagraphKind.TocHeading
            or ParagraphKind.Title or ParagraphKind.CompanyLine));

    /// <summary>Every place outside quotation marks where one of the terms stands, but for the exceptions.</summary>
    public static List<WordingHit> Find(ReportDocument document, IReadOnlyList<string> terms, IReadOnlyList<string> exceptions)
    {
        var hits = new List<WordingHit>();
        var scanner = new TermScanner(terms, exceptions);
        foreach (var p in Readable(document))
        {
            scanner.FindIn(p, hits);
        }

        return hits;
    }

    /// <summary>Each hit described, up to <paramref name="max"/>, then how many more.</summary>
    public static string Evidence(IReadOnlyList<WordingHit> hits, int max = 20) =>
        string.Join("；", hits.Take(max).Select(h => h.Describe())) + (hits.Count > max ? $"；另有 {hits.Count - max} 处" : "");

    public static string Terms(IEnumerable<WordingHit> hits) => string.Join("、", hits.Select(h => h.Term).Distinct());
}
