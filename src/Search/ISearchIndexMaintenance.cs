using System.Runtime.CompilerServices;

namespace CaseIngest.Search;

/// <summary>Rebuilding an index: implemented by both backends next to <see cref="ISearchIndex"/> (the same singleton).</summary>
public interface ISearchIndexMaintenance
{
    /// <summary>Rebuilds the index from the stored records into a new versioned index and switches to it atomically;
    /// searches keep answering from the old one until the switch.</summary>
    Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken);
}

/// <summary>What a reindex built.</summary>
public sealed record ReindexResult(long Documents, string Version, string? PreviousVersion);

/// <summary>More-like-this for a text that is not (yet) indexed, such as a submission being processed.</summary>
public interface ISimilarTextSearch
{
    /// <summary>The cases whose text is most like <paramref name="text"/>, without <paramref name="excludeSubmissionId"/>.</summary>
    Task<IReadOnlyList<SearchHit>> MoreLikeTextAsync(string text, string? excludeSubmissionId, int count, CancellationToken cancellationToken);

    /// <summary>The cases most likely to hold a copy of <paramref name="text"/>, likeliest first, without
    /// <paramref name="excludeSubmissionId"/>, each with its report text when the backend has it at hand (null: read the
    /// record). For the duplicate check, which asks once per package: a backend with a cheaper way to find copies than
    /// more-like-this answers with it. A caller that has found a copy stops reading, and a backend may leave the
    /// candidates it was not asked for unread.</summary>
    /// <param name="textKnown">The cases whose text the caller has already: a backend may leave their text out (a
    /// report's stored text is the costliest part of a candidate to read).</param>
    async IAsyncEnumerable<CopyCandidate> CopyCandidatesAsync(string text, string? excludeSubmissionId, int count, Func<string, bool> textKnown,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var hit in await MoreLikeTextAsync(text, excludeSubmissionId, count, cancellationToken))
        {
            yield return new CopyCandidate(hit.SubmissionId, null);
        }
    }
}

/// <summary>A case that may hold a copy of a text, and its report text when the backend had it at hand.</summary>
public sealed record CopyCandidate(string SubmissionId, string? ReportText);
