using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using CaseIngest.Testing;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.StructureChecks.Tests.Corpus;

/// <summary>Precision and recall of each code the notice's rules added, over both labelled corpora (their expected
/// records list every labelled code where it holds and leave it out where it does not). Printed to the test output and
/// to <c>$TMPDIR/structurechecks-notice-scores.txt</c> for the issue's note; exact agreement per package is
/// <see cref="CorpusTests"/>'s to assert.</summary>
public sealed class NoticeRuleScoreTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] LabelledCodes =
    [
        FindingCodes.CompanyAsShortName, FindingCodes.SecondPerson, FindingCodes.MissingSection, FindingCodes.NoPartnerDescribed,
        FindingCodes.FormatTitle, FindingCodes.CompanyLineMismatch, FindingCodes.IndicatorReportMismatch,
        FindingCodes.ImplementationUnderOneYear,
    ];

    // Info codes the corpora do not label: their firings are counted, not scored.
    private static readonly string[] UnlabelledCodes = [FindingCodes.ImplementationDateUnknown, FindingCodes.NoFiguresOrTables];

    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task RunAsync_BothCorpora_PrecisionAndRecallPerNewCode()
    {
        var ids = TestPaths.CorpusIds.Concat(TestPaths.CorpusExtraIds).ToList();
        var scores = LabelledCodes.ToDictionary(c => c, _ => (TruePositives: 0, FalsePositives: 0, FalseNegatives: 0));
        var firings = UnlabelledCodes.ToDictionary(c => c, _ => new List<string>());
        foreach (var id in ids)
        {
            var package = CorpusPackage.Load(id);
            var found = (await _harness.RunAsync(package.ExtractReport(_folder), package.Form)).Findings.Select(f => f.Code).ToHashSet();
            var expected = package.ExpectedCodes(LabelledCodes);
            foreach (var code in LabelledCodes)
            {
                var (tp, fp, fn) = scores[code];
                scores[code] = (tp + (found.Contains(code) && expected.Contains(code) ? 1 : 0),
                    fp + (found.Contains(code) && !expected.Contains(code) ? 1 : 0),
                    fn + (!found.Contains(code) && expected.Contains(code) ? 1 : 0));
            }

            foreach (var code in UnlabelledCodes.Where(found.Contains))
            {
                firings[code].Add(id);
            }
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"StructureChecks notice rules over {ids.Count} packages ({TestPaths.CorpusIds.Count} corpus + {TestPaths.CorpusExtraIds.Count} corpus-extra)");
        table.AppendLine("code | labelled | found | TP | FP | FN | precision | recall");
        foreach (var (code, (tp, fp, fn)) in scores)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{code} | {tp + fn} | {tp + fp} | {tp} | {fp} | {fn} | {Ratio(tp, tp + fp)} | {Ratio(tp, tp + fn)}");
        }

        foreach (var (code, packages) in firings)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{code} (not labelled) fired on {packages.Count}: {string.Join(" ", packages)}");
        }

        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "structurechecks-notice-scores.txt"), table.ToString());
        // Both corpora were read, and every package was scored once per code.
        Assert.NotEmpty(TestPaths.CorpusExtraIds);
        Assert.All(scores.Values, s => Assert.InRange(s.TruePositives + s.FalsePositives + s.FalseNegatives, 0, ids.Count));
    }

    // No firing and nothing labelled: precision and recall are undefined, not perfect.
    private static string Ratio(int numerator, int denominator) =>
        denominator == 0 ? "n/a" : ((double)numerator / denominator).ToString("0.00", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
