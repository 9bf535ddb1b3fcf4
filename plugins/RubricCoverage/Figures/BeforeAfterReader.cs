using System.Globalization;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Figures;

/// <summary>Reads the before/after figures a report states for P1: "日计划编制时间由平均4.5小时缩短到25分钟",
/// "利用率从41%提升至73%", "由2023年的38家增加到126家".</summary>
internal static partial class BeforeAfterReader
{
    private static readonly string[] s_metricLead = ["其中", "同时", "使", "让", "将", "把", "并", "且", "而", "均", "平均", "整体", "此外", "另外", "方面"];

    public static List<BeforeAfterFigure> Read(IEnumerable<ReportPassage> passages, int max)
    {
        var figures = new List<BeforeAfterFigure>();
        foreach (var passage in passages)
        {
            foreach (var m in Changes(passage.Text))
            {
                if (!double.TryParse(m.Groups["before"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var before)
                    || !double.TryParse(m.Groups["after"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var after)
                    || before == after)
                {
                    continue;
                }

                var metric = Metric(m.Groups["metric"].Value);
                if (metric.Length < 2)
                {
                    continue;
                }

                var unit = Unit(m.Groups["afterUnit"].Value);
                var beforeUnit = Unit(m.Groups["beforeUnit"].Value);
                figures.Add(new BeforeAfterFigure
                {
                    Metric = metric,
                    Before = before,
                    After = after,
                    Unit = unit ?? beforeUnit,
                    BeforeUnit = beforeUnit is not null && unit is not null && beforeUnit != unit ? beforeUnit : null,
                    Paragraph = passage.Paragraph,
                    Quote = m.Value,
                });
                if (figures.Count == max)
                {
                    return figures;
                }
            }
        }

        return figures;
    }

    /// <summary>What <c>Change().Matches(text)</c> finds, the search begun only where a match can begin: within the
    /// metric's longest run before a 由 or 从. Most passages hold neither and are not searched at all; the pattern opens
    /// with a lazy run of any character but punctuation, which the regex engine otherwise tries from every position.</summary>
    private static IEnumerable<Match> Changes(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var marker = text.AsSpan(from).IndexOfAny('由', '从');
            if (marker < 0)
            {
                yield break;
            }

            var match = Change().Match(text, Math.Max(from, from + marker - MaxMetricLength));
            if (!match.Success)
            {
                yield break;
            }

            yield return match;
            from = match.Index + Math.Max(match.Length, 1);
        }
    }

    private static string Metric(string words)
    {
        var metric = words.Trim();
        bool trimmed;
        do
        {
            trimmed = false;
            foreach (var lead in s_metricLead)
            {
                if (metric.StartsWith(lead, StringComparison.Ordinal) && metric.Length > lead.Length + 1)
                {
                    metric = metric[lead.Length..];
                    trimmed = true;
                }
            }
        }
        while (trimmed);

        return metric.TrimEnd('的');
    }

    private static string? Unit(string unit) => string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();

    // The metric's longest run in Change(): {2,24}.
    private const int MaxMetricLength = 24;

    // metric: the clause's words before 由/从; a year ("2023年的") may stand before the first value; the verb is optional
    // (由41%到73%); units are the common ones, so that the words after a value are not taken for one.
    [GeneratedRegex(@"(?<metric>[^，。；：、,;:\s（）()“”]{2,24}?)(?:由|从)(?:原来的|原先的|以前的|过去的|平均|约|近)?(?:(?:19|20)\d{2}年(?:底|末|初)?的?)?(?<before>\d+(?:\.\d+)?)(?<beforeUnit>" + Units + @")?(?:的|左右)?(?:大幅|明显|进一步)?(?:缩短|降低|下降|减少|压缩|提升|提高|增加|增长|上升|扩大|延长|降|升|增|减)?(?:到|至|为)(?:(?:19|20)\d{2}年(?:底|末)?的?)?(?:约|近)?(?<after>\d+(?:\.\d+)?)(?<afterUnit>" + Units + ")?")]
    private static partial Regex Change();

    private const string Units = "%|‰|个百分点|(?:万|亿|千|百)?(?:元|吨|千瓦时|度|立方米|平方米|亩|人次|人|台|套|项|张|件|单|笔|条|辆|箱|标箱|次|家|个)|小时|分钟|秒|毫秒|天|日|周|个月|年|米|公里|毫米|倍|万|亿";
}
