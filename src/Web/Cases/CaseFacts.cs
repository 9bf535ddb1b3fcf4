using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;

namespace CaseIngest.Web.Cases;

/// <summary>Facts the pages, the ranking and the exports read off a record, computed in one place.</summary>
internal static partial class CaseFacts
{
    /// <summary>The call of edition n runs in 2018 + n (the 8th in 2026); its form asks for the indicators of the two
    /// years before. A record without an edition gets headers that say so rather than another edition's years.</summary>
    public static (string First, string Second) IndicatorYears(int? edition) => edition is { } n and > 0
        ? ($"{2016 + n} 年", $"{2017 + n} 年")
        : ("前两年", "前一年");

    /// <summary>The classifier's evidence as a reader takes it: "售后 ×17" (a cue word and its count in the report) reads
    /// "“售后”17 次"; names and passages stay as written.</summary>
    public static string EvidenceTerm(string evidence) =>
        CueCount().Match(evidence) is { Success: true } cue ? $"“{cue.Groups[1].Value}”{cue.Groups[2].Value} 次" : evidence;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+?) ×(\d+)$")]
    private static partial System.Text.RegularExpressions.Regex CueCount();

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

    /// <summary>Growth from the first indicator year to the second as a fraction, or null when either is blank or the first is zero.</summary>
    public static double? Growth(double?[] values) =>
        values is [{ } before, { } after, ..] && before != 0 ? (after - before) / Math.Abs(before) : null;
}
