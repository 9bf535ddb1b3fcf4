using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Matching;
using CaseIngest.Plugins.OcrStamps.Tests.Corpus;
using CaseIngest.Testing;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.OcrStamps.Tests.Step;

[Collection(OcrEnginesGroup.Name)]
public sealed class CorpusStampTests(OcrFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] s_stampCodes =
    [
        FindingCodes.MissingApplicantStamp, FindingCodes.MissingRecommenderStamp, FindingCodes.MissingStampDate,
        FindingCodes.StampOrgMismatch, FindingCodes.StampDateOutOfWindow, FindingCodes.LowOcrConfidence,
    ];

    [Theory]
    [InlineData("corpus", 14)]
    [InlineData("corpus-extra", 10)]
    public async Task RunAsync_EveryCorpusPackageReadTargeted_SealsDatesAndFindingsMatchExpected(string corpus, int packages)
    {
        // GIVEN every package's signature page of a sample corpus (zips extracted here, GBK names decoded), and the
        // step with its defaults: targeted reading (lines found at low resolution, only those the checks need read)
        var folder = fixture.Work.CreateSubdirectory(corpus);
        var pages = CorpusSignaturePages.Extract(Path.Combine(TestPaths.RepoRoot, "tests", corpus), folder.FullName);
        Assert.Equal(packages, pages.Count);
        var (seals, matched) = (0, 0);
        var wrong = new List<string>();
        foreach (var page in pages)
        {
            // WHEN the step reads it with the default engine
            var record = await fixture.RunStepAsync([page.Path], page.ApplicantUnit, page.RecommenderUnit);

            // THEN each block's seal presence and date are the expected ones, and so are the stamp findings
            foreach (var (name, actual, expected, unit) in new[]
                     {
                         ("applicant", record.Stamps!.Applicant, page.Applicant, page.ApplicantUnit),
                         ("recommender", record.Stamps!.Recommender, page.Recommender, page.RecommenderUnit),
                     })
            {
                if (actual.Present != expected.Present || actual.Date != expected.Date)
                {
                    wrong.Add($"{page.Id} {name}: present {actual.Present} date {actual.Date}, expected {expected.Present} {expected.Date}");
                }

                if (actual.Present)
                {
                    seals++;
                    matched += actual.Organization is { } org && unit is not null && OrganizationMatcher.Similarity(org, unit) >= 0.5 ? 1 : 0;
                    output.WriteLine($"{page.Id} {name}: seal reads '{actual.Organization}' (form: {unit})");
                }
            }

            var expectedCodes = ExpectedStampCodes(corpus, page);
            var actualCodes = record.Findings.Select(f => f.Code).Where(s_stampCodes.Contains).Distinct().Order();
            if (!expectedCodes.SequenceEqual(actualCodes))
            {
                wrong.Add($"{page.Id} findings: {string.Join(",", actualCodes)}, expected {string.Join(",", expectedCodes)}");
            }

            Assert.Single(record.Pages);
            Assert.NotEmpty(record.Pages[0].Text!);
        }

        output.WriteLine($"seal organisations read and matched: {matched} of {seals}");
        Assert.Empty(wrong);
        Assert.True(matched * 2 > seals, $"only {matched} of {seals} seal organisations matched the form");
    }

    private static IEnumerable<string> ExpectedStampCodes(string corpus, CorpusSignaturePage page)
    {
        var expected = Path.Combine(TestPaths.RepoRoot, "tests", corpus, "expected", page.Id + ".json");
        var violations = System.Text.Json.JsonDocument.Parse(File.ReadAllText(expected))
            .RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!);
        return violations.Where(s_stampCodes.Contains).Distinct().Order();
    }
}
