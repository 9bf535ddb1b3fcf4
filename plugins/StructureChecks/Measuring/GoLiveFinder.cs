using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;
using CaseIngest.Plugins.StructureChecks.Rules;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Measuring;

/// <summary>A sentence saying the case went into use, with the date it gives (a month, or only a year).</summary>
internal sealed record GoLiveStatement(int Year, int? Month, ReportParagraph Paragraph, string Quote)
{
    /// <summary><c>yyyy-MM</c>, or <c>yyyy</c> when the report gives only the year.</summary>
    public string Stated => Month is { } month ? $"{Year:D4}-{month:D2}" : Year.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>Finds when the report says the case went into use (申报条件(二)): a go-live word (上线, 投入使用, 投运…) with
/// the nearest date before it in the same sentence ("2024年4月，平台在三地正式上线运行"), or right after it
/// ("上线于2024年4月"). Not a go-live: a date that belongs to 启动建设 / 立项 / 测试 between it and the word, a plan
/// (计划于2026年上线), the word used as a reference point (上线前, 上线后, 投运首月), 线上线下, quoted text.</summary>
internal static partial class GoLiveFinder
{
    /// <param name="undecided">Set when a sentence could not be searched in time (<see cref="PatternVerdict.Undecided"/>):
    /// an earlier statement may be missing from the list.</param>
    public static List<GoLiveStatement> Find(ReportDocument document, ImplementationRules rules, PatternCache patterns, out bool undecided)
    {
        var found = new List<GoLiveStatement>();
        undecided = false;
        foreach (var p in document.Paragraphs)
        {
            if (!p.InBody || p.Kind is not (ParagraphKind.Body or ParagraphKind.Caption))
            {
                continue;
            }

            var quoted = QuotedText.Mask(p.Text);
            foreach (var (start, sentence) in Sentences.Of(p.Text))
            {
                if (patterns.Matches(rules.GoLivePattern!, sentence, FindingCodes.ImplementationDateUnknown) is not { } terms)
                {
                    undecided = true;
                    continue;
                }

                foreach (var term in terms)
                {
                    if (quoted[start + term.Index] || IsReference(sentence, term, rules) ||
                        DateOf(sentence, term, rules) is not var (year, month))
                    {
                        continue;
                    }

                    found.Add(new GoLiveStatement(year, month, p, FindingSink.Excerpt(sentence.Trim(), 60)));
                }
            }
        }

        return found;
    }

    /// <summary>The earliest statement: a month, unless a year-only statement is of an earlier year (then only that
    /// year is known).</summary>
    public static GoLiveStatement? Earliest(IReadOnlyList<GoLiveStatement> statements)
    {
        var month = statements.Where(s => s.Month is not null).MinBy(s => (s.Year, s.Month));
        var year = statements.Where(s => s.Month is null).MinBy(s => s.Year);
        return month is null ? year : year is not null && year.Year < month.Year ? year : month;
    }

    private static bool IsReference(string sentence, Match term, ImplementationRules rules)
    {
        // 线上线下 holds 上线 without meaning it.
        if (term.Value.StartsWith('上') && term.Index > 0 && sentence[term.Index - 1] == '线')
        {
            return true;
        }

        var after = term.Index + term.Length;
        return (rules.ReferenceSuffixes ?? []).Any(s => string.CompareOrdinal(sentence, after, s, 0, s.Length) == 0);
    }

    private static (int Year, int? Month)? DateOf(string sentence, Match term, ImplementationRules rules)
    {
        var before = Date().Matches(sentence[..term.Index]);
        if (before.Count > 0)
        {
            var date = before[^1];
            var between = sentence[(date.Index + date.Length)..term.Index];
            var lead = sentence[Math.Max(0, date.Index - 4)..date.Index];
            if ((rules.NotInUseTerms ?? []).Any(t => between.Contains(t, StringComparison.Ordinal)) ||
                (rules.PlanTerms ?? []).Any(t => between.Contains(t, StringComparison.Ordinal) || lead.Contains(t, StringComparison.Ordinal)))
            {
                return null;
            }

            return Parse(date);
        }

        var following = DateAfter().Match(sentence, term.Index + term.Length);
        return following.Success ? Parse(following) : null;
    }

    private static (int, int?)? Parse(Match date)
    {
        var year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture);
        int? month = date.Groups["month"].Success ? int.Parse(date.Groups["month"].Value, CultureInfo.InvariantCulture) : null;
        return month is < 1 or > 12 ? null : (year, month);
    }

    [GeneratedRegex(@"(?<year>(?:19|20)\d{2})\s*年\s*(?:(?<month>\d{1,2})\s*月)?")]
    private static partial Regex Date();

    [GeneratedRegex(@"\G(?:运行|使用)?(?:时间)?\s*(?:为|于|是)\s*(?<year>(?:19|20)\d{2})\s*年\s*(?:(?<month>\d{1,2})\s*月)?")]
    private static partial Regex DateAfter();
}
