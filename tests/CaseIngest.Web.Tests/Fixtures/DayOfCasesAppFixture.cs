using CaseIngest.Search;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>A reviewer's day: the sample cases and a hundred more made from them (X001…X100, recommended by twenty
/// units), so that the search pages, facets and paging meet the numbers of a real edition.</summary>
public sealed class DayOfCasesAppFixture : WebAppFixture
{
    public const int ExtraCases = 100;
    public const int Recommenders = 20;

    protected override Task SeedMoreAsync(ICaseRepository repository) => SeedDayAsync(repository, CorpusIds);

    /// <summary>X001…X100 made from the sample cases, recommended by twenty units.</summary>
    public static async Task SeedDayAsync(ICaseRepository repository, IReadOnlyList<string> corpusIds)
    {
        for (var i = 1; i <= ExtraCases; i++)
        {
            var record = CorpusRecords.Load(corpusIds[i % corpusIds.Count], i % 60);
            record.SubmissionId = $"X{i:000}";
            record.Recommender = $"第{(i % Recommenders) + 1:00}推荐单位企业联合会";
            record.Form!.Recommender = record.Recommender;
            record.PackageSha256 = null;
            await repository.SaveAsync(record, CancellationToken.None);
        }
    }
}
