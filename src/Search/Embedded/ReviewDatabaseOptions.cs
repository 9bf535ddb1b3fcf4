namespace CaseIngest.Search.Embedded;

/// <summary><c>Review:DatabasePath</c>: the embedded store of audit events and earlier record versions. By default a
/// SQLite file inside the Lucene index root (beside the versioned index directories, which <c>reindex</c> replaces; this
/// file it never touches).</summary>
public sealed class ReviewDatabaseOptions
{
    public const string SectionName = "Review";

    /// <summary>The SQLite file; empty: <c>review.sqlite</c> in <c>Search:Lucene:Path</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>The file name inside the index root when <see cref="DatabasePath"/> is not set.</summary>
    public const string DefaultFileName = "review.sqlite";
}
