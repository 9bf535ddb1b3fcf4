using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Pipeline;

/// <summary>Runs the checks again on a stored record's package (from the package store), after a rule or model change.</summary>
public interface ISubmissionRechecker
{
    /// <summary>The rechecked record; the stored one when its package is not in the store (then <paramref name="stored"/>
    /// is returned unchanged and <see cref="RecheckResult.PackageFound"/> is false).</summary>
    Task<RecheckResult> RecheckAsync(CaseRecord stored, CancellationToken cancellationToken);
}

/// <summary>What a recheck produced.</summary>
public sealed record RecheckResult(CaseRecord Record, bool PackageFound);
