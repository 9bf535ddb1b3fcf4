using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;

namespace CaseIngest.Web.Cases;

/// <summary>Facts the pages, the ranking and the exports read off a record, computed in one place.</summary>
internal static class CaseFacts
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
}
