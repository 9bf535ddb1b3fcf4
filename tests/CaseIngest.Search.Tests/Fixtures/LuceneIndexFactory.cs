using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Fixtures;

internal static class LuceneIndexFactory
{
    /// <param name="commitDelayMs">The default (a save's commit waits up to a second), or 0 for an index whose every save
    /// is committed on return (what another process reading the directory sees at once).</param>
    public static LuceneSearchIndex Create(string path, int commitDelayMs = 1_000) =>
        new(Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = path, CommitDelayMs = commitDelayMs } }),
            NullLogger<LuceneSearchIndex>.Instance);
}
