namespace CaseIngest.Abstractions.Records;

/// <summary>DESIGN.md's verdict rule: failed when the package was unreadable or a plugin failed (the checks are
/// incomplete); otherwise rejected on any error; otherwise needs_review on any warning; otherwise accepted.</summary>
public static class VerdictRule
{
    /// <summary>The verdict of these findings.</summary>
    public static Verdict Derive(IReadOnlyCollection<Finding> findings)
    {
        if (findings.Any(f => f.Code is FindingCodes.PackageUnreadable or FindingCodes.PluginFailed))
        {
            return Verdict.Failed;
        }

        if (findings.Any(f => f.Severity == Severity.Error))
        {
            return Verdict.Rejected;
        }

        return findings.Any(f => f.Severity == Severity.Warning) ? Verdict.NeedsReview : Verdict.Accepted;
    }
}
