using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Review;

/// <summary>One package version of a case and what changed against the one before: findings that came and went (matched
/// as decisions are carried over, <see cref="ReviewRules.SameFinding"/>), and the decisions a person made on findings
/// that still stand in it.</summary>
public sealed record PackageVersionSummary(int Version, string? PackageSha256, DateTimeOffset? SubmittedAt, string Verdict,
    IReadOnlyList<VersionFinding> FindingsAdded, IReadOnlyList<VersionFinding> FindingsGone);

/// <summary>A finding as a version list names it.</summary>
public sealed record VersionFinding(string Code, string? Evidence);

/// <summary>Versions of a case, oldest first.</summary>
public static class PackageVersions
{
    public static IReadOnlyList<PackageVersionSummary> Of(IReadOnlyList<CaseRecord> versions)
    {
        var summaries = new List<PackageVersionSummary>();
        CaseRecord? previous = null;
        foreach (var record in versions.OrderBy(v => v.PackageVersion))
        {
            var before = previous?.Findings ?? [];
            summaries.Add(new PackageVersionSummary(record.PackageVersion, record.PackageSha256, record.SubmittedAt, CaseRecordJson.Name(record.Verdict),
                Missing(record.Findings, before), previous is null ? [] : Missing(before, record.Findings)));
            previous = record;
        }

        return summaries;
    }

    /// <summary>The findings of <paramref name="these"/> that <paramref name="others"/> do not have.</summary>
    private static List<VersionFinding> Missing(IEnumerable<Finding> these, IReadOnlyList<Finding> others) =>
        [.. these.Where(f => !others.Any(o => ReviewRules.SameFinding(f.Code, f.Evidence, o))).Select(f => new VersionFinding(f.Code, f.Evidence))];
}
