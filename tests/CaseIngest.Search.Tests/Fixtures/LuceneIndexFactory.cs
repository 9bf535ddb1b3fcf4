using CaseIngest.Search.Configuration;
using CaseIngest.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Tests.Fixtures;

internal static class LuceneIndexFactory
{
    public static LuceneSearchIndex Create(string path) =>
        new(Options.Create(new SearchOptions { Lucene = new LuceneOptions { Path = path } }), NullLogger<LuceneSearchIndex>.Instance);
}
