using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;

namespace CaseIngest.Web.Review;

/// <summary>One package version of a case and what changed against the one before: findings that came and went.</summary>
public sealed record PackageVersionSummary(int Version, string? PackageSha256, DateTimeOffset? SubmittedAt, string Verdict,
    IReadOnlyList<string> FindingsAdded, IReadOnlyList<string> FindingsGone);

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
                [.. record.Findings.Where(f => !before.Any(b => ReviewRules.SameFinding(b.Code, b.Evidence, f))).Select(f => AuditValues.Finding(f.Code, f.Evidence))],
                previous is null ? [] : [.. before.Where(b => !record.Findings.Any(f => ReviewRules.SameFinding(b.Code, b.Evidence, f))).Select(f => AuditValues.Finding(f.Code, f.Evidence))]));
            previous = record;
        }

        return summaries;
    }
}
