using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Exports;
using CaseIngest.Web.Review;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Web.Tests.Unit;

/// <summary>Every code of DESIGN.md's rules catalogue has a Chinese name and a "what to fix" line, so that no page, list
/// or 补正通知 shows a raw code.</summary>
public sealed partial class FindingLabelsTests
{
    /// <summary>The codes in the first column of the rules catalogue's table ("too_short / too_long" are two).</summary>
    private static List<string> ReadCatalogueCodes()
    {
        var design = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "DESIGN.md"));
        var start = design.IndexOf("## What it checks", StringComparison.Ordinal);
        var end = design.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return [.. CatalogueRow().Matches(design[start..end]).SelectMany(row => row.Groups[1].Value.Split('/', StringSplitOptions.TrimEntries))];
    }

    public static TheoryData<string> CatalogueCodes() => [.. ReadCatalogueCodes()];

    [Fact]
    public void CatalogueCodes_ReadFromDesign_AreTheWholeTable()
    {
        // Guards the reader above: the table has 50-odd codes, among them the newer notice rules and the edition rules.
        var codes = ReadCatalogueCodes();
        Assert.True(codes.Count >= 50, $"{codes.Count} codes read from DESIGN.md");
        Assert.Contains(FindingCodes.SecondPerson, codes);
        Assert.Contains(FindingCodes.RubricPointMissing, codes);
        Assert.Contains(FindingCodes.RecommenderOverQuota, codes);
        Assert.Contains(FindingCodes.FormatPage, codes);
    }

    [Theory]
    [MemberData(nameof(CatalogueCodes))]
    public void EveryCatalogueCode_HasAChineseNameAndAFix(string code)
    {
        Assert.True(FindingLabels.Has(code), $"{code} has no label");
        var name = ExportLabels.Finding(code);
        Assert.NotEqual(code, name);
        Assert.Matches(Chinese(), name);
        Assert.NotEqual(FindingLabels.GenericFix, FindingLabels.Fix(code));
        Assert.Matches(Chinese(), FindingLabels.Fix(code));
    }

    [Fact]
    public void Notice_NewerFindingCodes_NamesThemInChineseWithWhatToFix()
    {
        var record = new CaseRecord
        {
            SubmissionId = "N1",
            Edition = 8,
            Form = new FormSection { Applicant = "某某科技股份有限公司", Recommender = "某省企业联合会", CaseName = "智能排产" },
            Findings =
            [
                new Finding { Code = FindingCodes.SecondPerson, Severity = Severity.Error, Message = "正文称呼读者", Evidence = "您可以看到" },
                new Finding { Code = FindingCodes.ImplementationUnderOneYear, Severity = Severity.Error, Message = "投入使用不满一年", Evidence = "2025年10月上线" },
            ],
            Review = new ReviewSection
            {
                Findings =
                [
                    new FindingDecision { Code = FindingCodes.SecondPerson, Evidence = "您可以看到", Decision = FindingOutcome.Upheld },
                    new FindingDecision { Code = FindingCodes.ImplementationUnderOneYear, Evidence = "2025年10月上线", Decision = FindingOutcome.Upheld },
                ],
                Decision = new PackageDecision { Outcome = PackageOutcome.Returned, Reason = "请补正" },
            },
        };

        var docx = CorrectionNotice.Create(record, "组织方", "请于十日内重新提交。", DateTimeOffset.UnixEpoch);

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var findings = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == CorrectionNotice.FindingStyle).Select(p => p.InnerText).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains("使用第二人称", findings[0], StringComparison.Ordinal);
        Assert.Contains(FindingLabels.Fix(FindingCodes.SecondPerson), findings[0], StringComparison.Ordinal);
        Assert.Contains("实施不满一年", findings[1], StringComparison.Ordinal);
        Assert.All(findings, text => Assert.DoesNotContain("_", text, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\| ([a-z0-9]+(?:_[a-z0-9]+)+(?: / [a-z0-9]+(?:_[a-z0-9]+)+)*) \|", RegexOptions.Multiline)]
    private static partial Regex CatalogueRow();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
