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
}
