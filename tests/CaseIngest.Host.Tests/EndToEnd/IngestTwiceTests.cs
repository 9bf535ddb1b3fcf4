using CaseIngest.Host.Tests.Support;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using CaseIngest.Search;
using CaseIngest.Search.Ingestion;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Tests.EndToEnd;

/// <summary>The host's composition (core + search) over the corpus, with the embedded Lucene index.</summary>
public sealed class IngestTwiceTests
{
    [Fact]
    public async Task Ingest_CorpusTwice_LeavesExactlyOneIndexedDocumentPerSubmission()
    {
        using var host = new TestHostFolder("EchoPlugin");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(host.BaseConfiguration()).Build();
        await using var provider = HostStartup.Build(services => services.AddCaseIngest(configuration));
        var ingestion = provider.GetRequiredService<PackageIngestion>();
        var packages = TestPaths.CorpusIds.Select(TestPaths.CorpusPackage).ToList();

        for (var round = 0; round < 2; round++)
        {
            foreach (var package in packages)
            {
                await ingestion.IngestAsync(package, metadata: null, CancellationToken.None);
            }
        }

        var index = provider.GetRequiredService<ISearchIndex>();
        var all = await index.SearchAsync(new SearchQuery { Limit = 100 }, CancellationToken.None);
        Assert.Equal(packages.Count, all.Total);
        Assert.Equal(TestPaths.CorpusIds.Order(StringComparer.Ordinal), all.Hits.Select(h => h.SubmissionId).Order(StringComparer.Ordinal));
        var ids = new List<string>();
        await foreach (var record in index.ReadAllAsync(CancellationToken.None))
        {
            ids.Add(record.SubmissionId);
        }

        Assert.Equal(packages.Count, ids.Distinct().Count());
        Assert.Equal(packages.Count, ids.Count);
    }
}
