using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;

namespace CaseIngest.Web.Cases;

/// <summary>Facts the pages, the ranking and the exports read off a record, computed in one place.</summary>
internal static partial class CaseFacts
{
    /// <summary>The type a case counts as (the search index's rule: confirmed, else predicted, else the single box ticked).</summary>
    public static string? EffectiveType(CaseRecord record) => EffectiveCaseType.Of(record);

    /// <summary>How sure we are of <see cref="EffectiveType"/>: 1 when a person confirmed it, else the classifier's score.</summary>
    public static double TypeConfidence(CaseRecord record)
    {
        if (record.Review?.ConfirmedType is not null)
        {
            return 1;
        }

        var type = EffectiveType(record);
        return type is not null && record.Classification?.Scores.TryGetValue(type, out var score) == true ? score : 0;
    }

    /// <summary>The report's title, as the search index names a case, else the form's 案例名称.</summary>
    public static string Title(CaseRecord record) =>
        record.Report?.Title ?? record.Form?.CaseName ?? record.SubmissionId;

    /// <summary>Growth from 2024 to 2025 as a fraction, or null when either year is blank or 2024 is zero.</summary>
    public static double? Growth(double?[] values) =>
        values is [{ } before, { } after, ..] && before != 0 ? (after - before) / Math.Abs(before) : null;

    /// <summary>The text of 三、绩效表现, from its heading to the next level-1 heading.</summary>
    public static string PerformanceSection(CaseRecord record)
    {
        var text = record.Report?.Text;
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var lines = text.Split('\n');
        // The last such heading: a typed 目录 lists the same heading (with its page number) before the body.
        var start = Array.FindLastIndex(lines, l => l.Contains("绩效表现") && LevelOneHeading().IsMatch(l.Trim()));
        if (start < 0)
        {
            return "";
        }

        var end = Array.FindIndex(lines, start + 1, l => LevelOneHeading().IsMatch(l.Trim()));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>Quantified results in a text: percentages, amounts, multiples, counts with units.</summary>
    public static IReadOnlyList<string> QuantifiedResults(string text) =>
        QuantifiedResult().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex LevelOneHeading();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:%|％|个百分点|倍|万元|亿元|万吨|万台|万件|小时|天|人|项|台|套|家)")]
    private static partial Regex QuantifiedResult();
}
