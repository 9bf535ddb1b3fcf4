using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;
using CaseIngest.Plugins.StructureChecks.Wording;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>附件1/附件2: what the report itself states for one of the form's indicators and years (2025年实现主营业务收入
/// 128.4亿元; 数字化业务收入由2024年的3.86亿元增长到2025年的5.24亿元; 2024年、2025年分别投入7800万元和9600万元) agrees
/// with the form within the rule set's tolerance of the form's value, after converting 亿元/元 to the form's 万元. A figure
/// counts only when a year is bound to it — written just before it, shared through 分别, or opening the sentence with
/// nothing but the name between — and it is the level, not a change (增长1.2亿元), a project's or a cumulative figure
/// (项目累计…), or a figure another clause owns.</summary>
internal sealed partial class IndicatorReportMismatchRule(PatternCache patterns) : IReportRule
{
    public void Check(ReportCheck check, FindingSink findings)
    {
        if (check.Form?.Indicators is not { Count: > 0 } indicators)
        {
            return;
        }

        var rules = check.RuleSet.Indicators;
        var mismatches = new List<(ReportParagraph Paragraph, string Text)>();
        foreach (var p in check.Document.Paragraphs)
        {
            if (p is not { InBody: true, Kind: ParagraphKind.Body })
            {
                continue;
            }

            foreach (var (_, sentence) in Sentences.Of(p.Text))
            {
                foreach (var statement in Statements(sentence, rules))
                {
                    var column = Array.IndexOf(rules.FormYears ?? [], statement.Year);
                    if (column < 0 || !indicators.TryGetValue(statement.Wording.Name, out var values) || column >= values.Length ||
                        values[column] is not { } formValue || formValue == 0)
                    {
                        continue;
                    }

                    var stated = InFormUnit(statement.Value, statement.Unit);
                    var apart = Math.Abs(stated - formValue) / Math.Abs(formValue);
                    if (apart > rules.Tolerance)
                    {
                        var unit = FormUnit(statement.Wording.Unit);
                        mismatches.Add((p, string.Create(CultureInfo.InvariantCulture,
                            $"{statement.Year} 年{statement.Wording.Name}：{p.Section ?? "正文"}第 {p.Index + 1} 段“{FindingSink.Excerpt(sentence.Trim(), 50)}”为 {statement.Raw}" +
                            $"（合 {stated:0.##} {unit}），申报表为 {formValue:0.##} {unit}，相差 {apart:P1}")));
                    }
                }
            }
        }

        if (mismatches.Count == 0)
        {
            return;
        }

        findings.Add(FindingCodes.IndicatorReportMismatch,
            $"案例报告所述指标与申报表不一致（{mismatches.Count} 处，相差超过 {rules.Tolerance:P0}）",
            string.Join("；", mismatches.Select(m => m.Text)), mismatches.Count, 0, mismatches[0].Paragraph);
    }

    private sealed record Statement(IndicatorWording Wording, int Year, double Value, string Unit, string Raw);

    private IEnumerable<Statement> Statements(string sentence, IndicatorRules rules)
    {
        var mentions = Mentions(sentence, rules);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (wording, name) = mentions[i];
            var clauseEnd = i + 1 < mentions.Count ? mentions[i + 1].Name.Index : sentence.Length;
            var before = sentence[Math.Max(0, name.Index - 8)..name.Index];
            if ((rules.ScopeWords ?? []).Any(w => before.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            var figures = Figure().Matches(sentence[..clauseEnd], name.Index + name.Length).Where(f => Fits(f.Groups["unit"].Value, wording.Unit)).ToList();
            for (var k = 0; k < figures.Count; k++)
            {
                var figure = figures[k];
                var prefix = sentence[(name.Index + name.Length)..figure.Index];
                if (YearOf(sentence, name, prefix, figures, k, rules) is not { } year ||
                    !double.TryParse(figure.Groups["value"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                yield return new Statement(wording, year, value, figure.Groups["unit"].Value, figure.Value.Trim());
            }
        }
    }

    /// <summary>The indicators named in the sentence, in order; a name inside a longer one (营业收入 in 主营业务收入) is
    /// the longer one.</summary>
    private List<(IndicatorWording Wording, Match Name)> Mentions(string sentence, IndicatorRules rules)
    {
        var all = new List<(IndicatorWording Wording, Match Name)>();
        foreach (var wording in rules.Wordings ?? [])
        {
            foreach (var pattern in wording.Patterns)
            {
                if (patterns.Matches(pattern, sentence, FindingCodes.IndicatorReportMismatch) is not { } matches)
                {
                    // A name that could not be looked for in time may be the one a figure belongs to: the sentence
                    // states nothing this rule can stand by.
                    return [];
                }

                foreach (var match in matches)
                {
                    all.Add((wording, match));
                }
            }
        }

        if (all.Count < 2)
        {
            // Most sentences name no indicator, some one: nothing to resolve between names.
            return all;
        }

        return all.Where(a => !all.Any(b => b.Name != a.Name && b.Name.Index <= a.Name.Index &&
                                            b.Name.Index + b.Name.Length >= a.Name.Index + a.Name.Length && b.Name.Length > a.Name.Length))
            .GroupBy(a => a.Name.Index).Select(g => g.First()).OrderBy(a => a.Name.Index).ToList();
    }

    private static int? YearOf(string sentence, Match name, string prefix, List<Match> figures, int index, IndicatorRules rules)
    {
        // 2025年的24.17亿元, 2025年为…, 2025年底达到…: the year written just before the figure.
        if (DatedFigure().Match(prefix) is { Success: true } dated)
        {
            return Year(dated);
        }

        // 2024年、2025年分别投入7800万元和9600万元: the years before 分别, one per figure, in order.
        var respectively = sentence.IndexOf("分别", StringComparison.Ordinal);
        if (respectively >= 0 && respectively < figures[index].Index)
        {
            var years = YearMention().Matches(sentence[..respectively]).Select(Year).ToList();
            var after = figures.Where(f => f.Index > respectively).ToList();
            var position = after.IndexOf(figures[index]);
            return years.Count == after.Count && position >= 0 ? years[position] : null;
        }

        // 2025年，龙城数智实现主营业务收入36.89亿元: the sentence's year, for the first figure right after the name only.
        if (index > 0 || prefix.Length > 12 || YearMention().IsMatch(prefix) || prefix.IndexOfAny(['，', ',', '、', '（', '(']) >= 0 ||
            (rules.ChangeWords ?? []).Any(w => prefix.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var opening = YearMention().Matches(sentence[..name.Index]);
        if (opening.Count == 0)
        {
            return null;
        }

        var last = opening[^1];
        var between = sentence[(last.Index + last.Length)..name.Index];
        return between.StartsWith("以来", StringComparison.Ordinal) || between.StartsWith('至') || between.StartsWith('起') ||
               (rules.ChangeWords ?? []).Any(w => between.Contains(w, StringComparison.Ordinal))
            ? null
            : Year(last);
    }

    private static int Year(Match match) => int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);

    private static bool Fits(string unit, IndicatorUnit kind) => kind switch
    {
        IndicatorUnit.Money => unit is "亿元" or "万元" or "元",
        IndicatorUnit.Percent => unit is "%" or "％",
        _ => unit is "项" or "件",
    };

    private static double InFormUnit(double value, string unit) => unit switch
    {
        "亿元" => value * 10000,
        "元" => value / 10000,
        _ => value,
    };

    private static string FormUnit(IndicatorUnit kind) => kind switch { IndicatorUnit.Money => "万元", IndicatorUnit.Percent => "%", _ => "项" };

    [GeneratedRegex(@"(?<value>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?<unit>亿元|万元|元|%|％|项|件)")]
    private static partial Regex Figure();

    [GeneratedRegex(@"(?<year>20\d{2})\s*年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(?<year>20\d{2})\s*年(?:底|末|全年|度)?\s*(?:的|为|是|达|达到|实现|共)?\s*约?\s*$")]
    private static partial Regex DatedFigure();
}
