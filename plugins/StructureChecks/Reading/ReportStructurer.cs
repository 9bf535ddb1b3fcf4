using System.Text.RegularExpressions;
using CaseIngest.Plugins.StructureChecks.Counting;

namespace CaseIngest.Plugins.StructureChecks.Reading;

/// <summary>
/// Decides what each paragraph is — title, company line, 目录, heading of which level, body, caption, table cell —
/// the same way for a .docx and a text PDF. Headings are recognised by a heading style (outline level) or, with direct
/// formatting only, by the numbering 附件2 prescribes on a short line that does not read like a sentence.
/// </summary>
internal static partial class ReportStructurer
{
    public static List<ReportParagraph> Structure(IReadOnlyList<SourceParagraph> source, int maxHeadingChars)
    {
        var paragraphs = new List<ReportParagraph>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var s = source[i];
            paragraphs.Add(new ReportParagraph(i, s.Text, s.InTable, s.Format)
            {
                Kind = s.InTable ? ParagraphKind.TableCell : WordCounter.Count(s.Text) == 0 ? ParagraphKind.Empty : ParagraphKind.Body,
            });
        }

        MarkToc(source, paragraphs);
        var numbered = MarkHeadings(source, paragraphs, maxHeadingChars);
        var bodyStart = FindBodyStart(paragraphs, numbered);
        MarkFrontMatter(paragraphs, bodyStart);
        MarkBody(paragraphs, bodyStart);
        return paragraphs;
    }

    /// <summary>A typed 目录 line: text, then a leader, tab or spaces, then a page number.</summary>
    public static bool LooksLikeTocEntry(string text)
    {
        // Scanned by hand rather than by a pattern: a leader of thousands of spaces must not cost quadratic time.
        var t = text.TrimEnd();
        var end = t.Length;
        while (end > 0 && t.Length - end <= 4 && (char.IsAsciiDigit(t[end - 1]) || t[end - 1] is >= 'Ⅰ' and <= 'Ⅻ'))
        {
            end--;
        }

        if (end == t.Length || end == 0 || t.Length - end > 4 || t.Length > MaxTocEntryLength)
        {
            return false;
        }

        var leaderEnd = end;
        while (leaderEnd > 0 && t[leaderEnd - 1] == ' ')
        {
            leaderEnd--;
        }

        if (end - leaderEnd >= 2)
        {
            return true;
        }

        if (leaderEnd < 2)
        {
            return false;
        }

        var last = t[leaderEnd - 1];
        return last is '\t' or '\u3000' or '…' || (last is '.' or '·' or '-' or '－' or '_' or '．' && t[leaderEnd - 2] == last);
    }

    private const int MaxTocEntryLength = 200;

    /// <summary>目录, 目 次, or a titled one (谈判文件目录) — short, unnumbered, ending in 目录.</summary>
    public static bool IsTocHeading(string text)
    {
        var compact = Whitespace().Replace(text, "");
        return compact is "目录" or "目次" ||
               (compact.Length <= 12 && compact.EndsWith("目录", StringComparison.Ordinal) && HeadingNumbering.LevelOf(compact) == 0 &&
                !HeadingNumbering.ReadsLikeSentence(compact));
    }

    private static void MarkToc(IReadOnlyList<SourceParagraph> source, List<ReportParagraph> paragraphs)
    {
        var afterTocHeading = false;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.InTable)
            {
                afterTocHeading = false;
                continue;
            }

            if (IsTocHeading(p.Text))
            {
                p.Kind = ParagraphKind.TocHeading;
                afterTocHeading = true;
                continue;
            }

            if (source[i].InToc && p.Kind != ParagraphKind.Empty)
            {
                p.Kind = ParagraphKind.TocEntry;
                continue;
            }

            if (p.Kind == ParagraphKind.Empty)
            {
                continue;
            }

            if ((LooksLikeTocEntry(p.Text) && (afterTocHeading || HeadingNumbering.LevelOf(p.Text) > 0)) ||
                (afterTocHeading && p.Text.Length <= MaxTocEntryLength && TrailingPageNumber().IsMatch(p.Text.TrimEnd())))
            {
                p.Kind = ParagraphKind.TocEntry;
                continue;
            }

            if (afterTocHeading)
            {
                MarkEntriesWithoutPageNumbers(paragraphs, i);
            }

            afterTocHeading = false;
        }
    }

    /// <summary>A typed 目录 without page numbers: the lines after 目录 up to where the first of them comes again
    /// (the body's own 一、企业概况) are its entries.</summary>
    private static void MarkEntriesWithoutPageNumbers(List<ReportParagraph> paragraphs, int first)
    {
        if (paragraphs[first].Kind != ParagraphKind.Body)
        {
            return;
        }

        var firstEntry = Whitespace().Replace(paragraphs[first].Text, "");
        for (var i = first + 1; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Kind == ParagraphKind.Empty)
            {
                continue;
            }

            if (p.Kind != ParagraphKind.Body || HeadingNumbering.ReadsLikeSentence(p.Text) || WordCounter.Count(p.Text) > 60)
            {
                return;
            }

            if (Whitespace().Replace(p.Text, "") == firstEntry)
            {
                for (var j = first; j < i; j++)
                {
                    if (paragraphs[j].Kind == ParagraphKind.Body)
                    {
                        paragraphs[j].Kind = ParagraphKind.TocEntry;
                    }
                }

                return;
            }
        }
    }

    /// <returns>Which paragraphs open with the prescribed numbering.</returns>
    private static bool[] MarkHeadings(IReadOnlyList<SourceParagraph> source, List<ReportParagraph> paragraphs, int maxHeadingChars)
    {
        var numbered = new bool[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Kind != ParagraphKind.Body)
            {
                continue;
            }

            var count = WordCounter.Count(p.Text);
            var numberLevel = HeadingNumbering.LevelOf(p.Text);
            var styleLevel = source[i].OutlineLevel is int o and >= 0 and < 9 ? o + 1 : (int?)null;
            numbered[i] = numberLevel == 1;
            if (numberLevel > 0 && (styleLevel is not null || (count <= maxHeadingChars && !HeadingNumbering.ReadsLikeSentence(p.Text))))
            {
                p.Kind = ParagraphKind.Heading;
                p.Level = numberLevel;
            }
            else if (styleLevel is int level && count <= 2 * maxHeadingChars)
            {
                p.Kind = ParagraphKind.Heading;
                p.Level = level;
            }
        }

        return numbered;
    }

    private static int FindBodyStart(List<ReportParagraph> paragraphs, bool[] numbered)
    {
        // 一、企业概况 is where 正文 starts; a heading-styled title above it must not be taken for it.
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kind == ParagraphKind.Heading && paragraphs[i].Level == 1 && numbered[i])
            {
                return i;
            }
        }

        var firstText = paragraphs.FindIndex(p => p.Kind is ParagraphKind.Body or ParagraphKind.Heading);
        for (var i = firstText + 1; i > 0 && i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kind == ParagraphKind.Heading && paragraphs[i].Level == 1)
            {
                return i;
            }
        }

        // No level-1 heading at all: the body is what follows the title, the company line and the 目录.
        var lastFront = Math.Max(paragraphs.FindLastIndex(p => p.Kind is ParagraphKind.TocEntry or ParagraphKind.TocHeading), -1);
        var seen = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kind is ParagraphKind.Body or ParagraphKind.Heading && ++seen > 2 && i > lastFront)
            {
                return i;
            }
        }

        return paragraphs.Count;
    }

    private static void MarkFrontMatter(List<ReportParagraph> paragraphs, int bodyStart)
    {
        var titleSeen = false;
        var companySeen = false;
        for (var i = 0; i < bodyStart; i++)
        {
            var p = paragraphs[i];
            if (p.Kind is not (ParagraphKind.Body or ParagraphKind.Heading))
            {
                continue;
            }

            p.Level = 0;
            if (!titleSeen && !AttachmentMark().IsMatch(p.Text) && !CoverLabel().IsMatch(Whitespace().Replace(p.Text, "")))
            {
                p.Kind = ParagraphKind.Title;
                titleSeen = true;
            }
            else if (titleSeen && !companySeen && WordCounter.Count(p.Text) <= 40)
            {
                p.Kind = ParagraphKind.CompanyLine;
                companySeen = true;
            }
            else
            {
                p.Kind = ParagraphKind.Preamble;
            }
        }
    }

    /// <summary>When the form's 案例名称 stands in the front matter but another line was taken for the title (a cover
    /// page above it), the 案例名称 is the title and the line after it the company line.</summary>
    public static void PreferTitle(IReadOnlyList<ReportParagraph> paragraphs, string? caseName)
    {
        if (string.IsNullOrWhiteSpace(caseName))
        {
            return;
        }

        var wanted = Whitespace().Replace(caseName, "");
        var front = paragraphs.Where(p => !p.InBody && p.Kind is ParagraphKind.Title or ParagraphKind.CompanyLine or ParagraphKind.Preamble).ToList();
        var title = front.FindIndex(p => Whitespace().Replace(p.Text, "") == wanted);
        if (title < 0 || front[title].Kind == ParagraphKind.Title)
        {
            return;
        }

        for (var i = 0; i < front.Count; i++)
        {
            front[i].Kind = i == title ? ParagraphKind.Title
                : i == title + 1 && WordCounter.Count(front[i].Text) <= 40 ? ParagraphKind.CompanyLine
                : ParagraphKind.Preamble;
        }
    }

    private static void MarkBody(List<ReportParagraph> paragraphs, int bodyStart)
    {
        string? section = null;
        for (var i = bodyStart; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            p.InBody = true;
            if (p.Kind == ParagraphKind.Heading && p.Level == 1)
            {
                section = p.Text.Trim();
            }
            else if (p.Kind == ParagraphKind.Body && Caption().IsMatch(p.Text) && WordCounter.Count(p.Text) <= 60)
            {
                p.Kind = ParagraphKind.Caption;
            }

            p.Section = section;
        }
    }

    [GeneratedRegex(@"\S\s+[\dⅠ-Ⅻ]{1,3}$")]
    private static partial Regex TrailingPageNumber();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*$")]
    private static partial Regex AttachmentMark();

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十\d]{1,3}届)?(?:智慧企业建设)?(?:创新)?案例(?:报告|材料|申报材料)?$")]
    private static partial Regex CoverLabel();

    [GeneratedRegex(@"^\s*(?:表|图|Table|Figure)\s*[\d一二三四五六七八九十]+")]
    private static partial Regex Caption();
}
