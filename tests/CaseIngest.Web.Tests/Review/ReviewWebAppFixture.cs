using CaseIngest.Search;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Review;

/// <summary>The sample cases for the review workflow, in an app of their own (decisions change what other suites count),
/// with the call still open so that packages may be returned, and the real pipeline beside it (<see cref="Pipeline"/>,
/// started on first use) to process packages as a worker would.</summary>
public class ReviewWebAppFixture : WebAppFixture
{
    private RealPipeline? _pipeline;

    public RealPipeline Pipeline => _pipeline ??= new RealPipeline(Root);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Review:CallClosesAt", "2099-08-01T00:00:00+08:00")];

    public override async Task DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The review app over sample packages processed by the real pipeline (a needs_review one and two rejected ones,
/// beside the failed package and the earlier edition's case), so that reprocessing them runs the same plugins again.</summary>
public sealed class ProcessedReviewAppFixture : ReviewWebAppFixture
{
    public override IReadOnlyList<string> CorpusIds { get; } = ["D04", "D10", "D13"];

    protected override async Task SeedCorpusAsync(ICaseRepository repository)
    {
        foreach (var id in CorpusIds)
        {
            Assert.Equal(SaveOutcome.Created, await repository.SaveAsync(await Pipeline.ProcessAsync(TestPaths.CorpusPackage(id)), CancellationToken.None));
        }
    }
}
