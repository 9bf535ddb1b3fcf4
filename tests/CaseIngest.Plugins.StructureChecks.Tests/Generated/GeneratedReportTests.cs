using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;

namespace CaseIngest.Plugins.StructureChecks.Tests.Generated;

/// <summary>Each rule on .docx files generated with the OpenXml SDK, with heading styles, with direct formatting
/// only, and with Word's automatic numbering.</summary>
public sealed class GeneratedReportTests : IDisposable
{
    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    public static TheoryData<HeadingMode> Modes => new(HeadingMode.Styles, HeadingMode.DirectFormatting, HeadingMode.AutoNumbering);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_CompliantReport_NoFindingsAndExactCounts(HeadingMode mode)
    {
        var sample = new SampleReport();
        var record = await RunAsync(sample, mode);

        Assert.Empty(record.Findings);
        var report = record.Report!;
        Assert.Equal(sample.Title, report.Title);
        Assert.Equal(sample.Company, report.CompanyLine);
        Assert.Equal(sample.ExpectedBody, report.BodyWordCount);
        Assert.Equal(sample.ExpectedOverview, report.OverviewWordCount);
        Assert.Equal(sample.ExpectedContent, report.ContentWordCount);
        Assert.Equal(sample.ExpectedPerformance, report.PerformanceWordCount);
        Assert.True(report.HasToc);
        Assert.Equal(3, report.MaxHeadingDepth);
        Assert.Equal([1, 1, 2, 3, 2, 3, 2, 3, 2, 3, 1], report.Outline.Select(o => o.Level));
        Assert.Equal("一、企业概况", report.Outline[0].Heading);
        Assert.Equal("（四）人机（智能系统）协同", report.Outline[8].Heading);
        Assert.DoesNotContain("目  录", report.Text);
        Assert.Contains("计划编制用时", report.Text);
    }

    [Fact]
    public async Task RunAsync_HeadingsInTextBoxes_SeenAsHeadingsNoMissingSectionOrDimension()
    {
        // Every heading sits in a text box (written twice, DrawingML and VML, like Word does): read once each, where
        // anchored, they structure the report as typed headings do.
        var sample = new SampleReport();
        var record = await RunAsync(sample, HeadingMode.TextBoxes);

        Assert.DoesNotContain(record.Findings, f => f.Code is FindingCodes.MissingDimension or FindingCodes.MissingSection);
        Assert.Empty(record.Findings);
        var report = record.Report!;
        Assert.Equal([1, 1, 2, 3, 2, 3, 2, 3, 2, 3, 1], report.Outline.Select(o => o.Level));
        Assert.Equal("（四）人机（智能系统）协同", report.Outline[8].Heading);
        Assert.Equal(sample.ExpectedBody, report.BodyWordCount);
        Assert.Equal(sample.ExpectedOverview, report.OverviewWordCount);
        Assert.Equal(sample.ExpectedPerformance, report.PerformanceWordCount);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_TitleOfTwentyThreeCharacters_TitleTooLong(HeadingMode mode)
    {
        var sample = new SampleReport { Title = "基于工业大数据的离散制造企业智能排产与质量管控" };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.TitleTooLong, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(23, finding.Measured);
        Assert.Equal(20, finding.Limit);
        Assert.Contains("CaseIngest 字数", finding.Evidence);
        Assert.Equal("题目", finding.Location!.Section);
        Assert.Equal("edition-8", finding.RuleSet);
    }

    [Theory]
    [InlineData("江苏示例精密制造股份有限公司智能排产实践", "江苏示例精密制造股份有限公司", HeadingMode.Styles)]
    [InlineData("江苏示例精密制造智能排产实践", "江苏示例精密制造", HeadingMode.DirectFormatting)]
    [InlineData("示例精密制造的智能排产实践", "示例精密制造", HeadingMode.Styles)]
    [InlineData("示例智能排产与质量管控实践", "示例", HeadingMode.DirectFormatting)]
    [InlineData("示例精工智能排产与质量管控", "示例", HeadingMode.AutoNumbering)]
    public async Task RunAsync_TitleNamesTheCompany_TitleHasCompanyName(string title, string named, HeadingMode mode)
    {
        var finding = Assert.Single((await RunAsync(new SampleReport { Title = title }, mode)).Findings);

        Assert.Equal(FindingCodes.TitleHasCompanyName, finding.Code);
        Assert.Contains($"“{named}”", finding.Message);
    }

    [Fact]
    public async Task RunAsync_TitleUsesTheShortNameTheReportDeclares_TitleHasCompanyName()
    {
        // The form names another company: only the report's own （以下简称“示例精工”） can catch this title.
        var sample = new SampleReport { Title = "示例精工智能排产实践" };
        var form = new FormSection { CaseName = sample.Title, Applicant = "浙江另一家电子有限公司" };
        var findings = (await RunAsync(sample, HeadingMode.Styles, form)).Findings;

        // The company line names the report's company, not the form's: that is a finding of its own.
        Assert.Equal([FindingCodes.TitleHasCompanyName, FindingCodes.CompanyLineMismatch], findings.Select(f => f.Code));
        var finding = findings[0];

        Assert.Equal(FindingCodes.TitleHasCompanyName, finding.Code);
        Assert.Contains("示例精工", finding.Message);
        Assert.Contains("以下简称", finding.Evidence);
    }

    [Fact]
    public async Task RunAsync_CompanyNameWithoutRegionIsACommonWord_NotFlagged()
    {
        var sample = new SampleReport { Title = "电气设备智能运维与质量管控", Company = "上海电气集团股份有限公司" };

        Assert.Empty((await RunAsync(sample, HeadingMode.Styles)).Findings);
    }

    [Fact]
    public async Task RunAsync_ShortNameDeclaredForASystem_NotTakenForTheCompany()
    {
        var sample = new SampleReport { Title = "排产平台赋能精密零件质量管控" };
        sample.ExtraOverview.Add("企业建成智能排产与质量管控平台（以下简称“排产平台”）");

        Assert.Empty((await RunAsync(sample, HeadingMode.Styles)).Findings);
    }

    [Theory]
    [InlineData("基于AI的智能排产实践", "AI", HeadingMode.Styles)]
    [InlineData("MES与质量管控一体化实践", "MES", HeadingMode.DirectFormatting)]
    [InlineData("５Ｇ专网赋能智能排产", "５Ｇ", HeadingMode.AutoNumbering)]
    public async Task RunAsync_TitleWithLetterAbbreviation_TitleHasAbbreviation(string title, string token, HeadingMode mode)
    {
        var finding = Assert.Single((await RunAsync(new SampleReport { Title = title }, mode)).Findings);

        Assert.Equal(FindingCodes.TitleHasAbbreviation, finding.Code);
        Assert.Contains(token, finding.Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_FormCaseNameDiffers_CaseNameMismatchWarning(HeadingMode mode)
    {
        var sample = new SampleReport();
        var form = new FormSection { CaseName = "人工智能赋能精密制造", Applicant = sample.Company };
        var finding = Assert.Single((await RunAsync(sample, mode, form)).Findings);

        Assert.Equal(FindingCodes.CaseNameMismatch, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("人工智能赋能精密制造", finding.Evidence);
        Assert.Contains(sample.Title, finding.Evidence);
    }

    [Fact]
    public async Task RunAsync_FormCaseNameDiffersOnlyInSpacesAndQuotes_NoFinding()
    {
        var sample = new SampleReport();
        var form = new FormSection { CaseName = " 智能排产与质量管控的“数字化”实践 ", Applicant = sample.Company };

        Assert.Empty((await RunAsync(sample, HeadingMode.DirectFormatting, form)).Findings);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_CoverPageAboveTheTitle_TitleAndCompanyLineStillFound(bool withForm)
    {
        var sample = new SampleReport();
        sample.Cover.AddRange(["附件2", "第八届智慧企业建设创新案例"]);

        var record = await RunAsync(sample, HeadingMode.Styles, withForm: withForm);

        Assert.Empty(record.Findings);
        Assert.Equal(sample.Title, record.Report!.Title);
        Assert.Equal(sample.Company, record.Report.CompanyLine);
    }

    [Fact]
    public async Task RunAsync_UnfamiliarCoverLineAboveTheTitle_FormCaseNamePicksTheTitle()
    {
        var sample = new SampleReport();
        sample.Cover.Add("江苏省推荐材料之三");

        var record = await RunAsync(sample, HeadingMode.DirectFormatting);

        Assert.Empty(record.Findings);
        Assert.Equal(sample.Title, record.Report!.Title);
        Assert.Equal(sample.Company, record.Report.CompanyLine);
    }

    [Fact]
    public async Task RunAsync_NoForm_ChecksTheTitleAgainstTheCompanyLine()
    {
        var record = await RunAsync(new SampleReport { Title = "示例精密制造的智能排产实践" }, HeadingMode.Styles, form: null, withForm: false);

        Assert.Equal([FindingCodes.TitleHasCompanyName], record.Findings.Select(f => f.Code));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_BodyUnderFourThousand_TooShort(HeadingMode mode)
    {
        var sample = new SampleReport { ContentSentences = 20 };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.TooShort, finding.Code);
        Assert.Equal(sample.ExpectedBody, finding.Measured);
        Assert.Equal(4000, finding.Limit);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_ContentOverFiveThousand_ContentTooLongAndTooLong(HeadingMode mode)
    {
        var sample = new SampleReport { ContentSentences = 70 };
        var record = await RunAsync(sample, mode);

        Assert.Equal([FindingCodes.TooLong, FindingCodes.ContentTooLong], record.Findings.Select(f => f.Code));
        var content = record.Findings[1];
        Assert.Equal(sample.ExpectedContent, content.Measured);
        Assert.Equal("二、案例内容", content.Location!.Section);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_OverviewOverThreeHundred_OverviewTooLong(HeadingMode mode)
    {
        var sample = new SampleReport { OverviewSentences = 20 };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.OverviewTooLong, finding.Code);
        Assert.Equal(sample.ExpectedOverview, finding.Measured);
        Assert.Equal(300, finding.Limit);
        Assert.Equal("一、企业概况", finding.Location!.Section);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_PerformanceOverOneThousand_PerformanceTooLong(HeadingMode mode)
    {
        var sample = new SampleReport { PerformanceSentences = 60 };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.PerformanceTooLong, finding.Code);
        Assert.Equal(sample.ExpectedPerformance, finding.Measured);
    }

    [Theory]
    [InlineData(HeadingMode.Styles)]
    [InlineData(HeadingMode.DirectFormatting)]
    public async Task RunAsync_DimensionsAsLevelOneSectionsWithoutContentHeading_ContentCountedByElimination(HeadingMode mode)
    {
        // GIVEN a report whose dimensions are level-1 sections of their own, with no 二、案例内容 heading
        var builder = new ReportDocxBuilder(mode).Title("智能排产与质量管控的数字化实践").Company("江苏示例精密制造股份有限公司")
            .TypedToc("一、企业概况", "六、绩效表现");
        builder.Heading(1, "一、企业概况").Body(Sentences(10));
        foreach (var heading in new[] { "二、应用场景", "三、数智技术能力", "四、组织与管理变革", "五、人机协同" })
        {
            builder.Heading(1, heading);
            for (var i = 0; i < 13; i++)
            {
                builder.Body(Sentences(5));
            }
        }

        builder.Heading(1, "六、绩效表现").Body(Sentences(20));
        var path = _folder.File("elimination.docx");
        builder.Save(path);

        // WHEN it is checked
        var record = await _harness.RunAsync(path, new FormSection { CaseName = "智能排产与质量管控的数字化实践", Applicant = "江苏示例精密制造股份有限公司" });

        // THEN 案例内容 is the four dimension sections: 4 × (heading + 1300) 字, over the 5000 limit
        var content = Assert.Single(record.Findings, f => f.Code == FindingCodes.ContentTooLong);
        Assert.Equal(4 * 1300 + 5 + 7 + 8 + 5, content.Measured);
        Assert.Contains("没有“案例内容”一级标题", content.Evidence);
        Assert.Equal(4 * 1300 + 5 + 7 + 8 + 5, record.Report!.ContentWordCount);
    }

    private static string Sentences(int n) => string.Concat(Enumerable.Repeat(SampleReport.Sentence + "。", n));

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_NoHumanMachineSection_MissingDimension(HeadingMode mode)
    {
        var sample = new SampleReport { ContentSentences = 60 };
        sample.Dimensions.RemoveAt(3);
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.MissingDimension, finding.Code);
        Assert.Contains("人机协同", finding.Message);
    }

    [Fact]
    public async Task RunAsync_DimensionsWordedDifferently_NoFinding()
    {
        var sample = new SampleReport();
        sample.Dimensions.Clear();
        sample.Dimensions.AddRange(["（一）主要应用场景", "（二）数智化技术能力建设", "（三）组织变革与管理创新", "（四）人机协作机制"]);

        Assert.Empty((await RunAsync(sample, HeadingMode.DirectFormatting)).Findings);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_NoToc_NoTocFinding(HeadingMode mode)
    {
        var record = await RunAsync(new SampleReport { Toc = TocKind.None }, mode);

        Assert.Equal([FindingCodes.NoToc], record.Findings.Select(f => f.Code));
        Assert.False(record.Report!.HasToc);
    }

    [Theory]
    [InlineData(TocKind.Typed)]
    [InlineData(TocKind.TypedWithoutPageNumbers)]
    [InlineData(TocKind.Field)]
    [InlineData(TocKind.ContentControl)]
    public async Task RunAsync_TocOfAnyKind_HasTocAndTocEntriesNotCounted(TocKind toc)
    {
        var sample = new SampleReport { Toc = toc };
        var record = await RunAsync(sample, HeadingMode.DirectFormatting);

        Assert.Empty(record.Findings);
        Assert.True(record.Report!.HasToc);
        Assert.Equal(sample.ExpectedBody, record.Report.BodyWordCount);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_SelfReference_FirstPerson(HeadingMode mode)
    {
        var sample = new SampleReport();
        sample.ExtraOverview.Add("近年来我们持续加大投入，本公司获评省级智能工厂");
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FirstPerson, finding.Code);
        Assert.Equal(2, finding.Measured);
        Assert.Contains("我们", finding.Evidence);
        Assert.Contains("本公司", finding.Message);
        Assert.Equal("一、企业概况", finding.Location!.Section);
    }

    [Fact]
    public async Task RunAsync_WoGuoAndQuotedSpeech_NoFirstPerson()
    {
        var sample = new SampleReport();
        sample.ExtraOverview.Add("我国制造业加快转型，一线员工说“我们的工作更轻松了”，本行业普遍认可，设备具备自我部署能力");

        Assert.Empty((await RunAsync(sample, HeadingMode.DirectFormatting)).Findings);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_FourthLevelHeading_HeadingDepth4(HeadingMode mode)
    {
        var sample = new SampleReport { Level4Heading = true, ContentSentences = 44 };
        var record = await RunAsync(sample, mode);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.HeadingDepth4, finding.Code);
        Assert.Equal(4, finding.Measured);
        Assert.Equal(3, finding.Limit);
        Assert.Equal(4, record.Report!.MaxHeadingDepth);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_LevelOneHeadingsInKaiti_FormatHeadings(HeadingMode mode)
    {
        var sample = new SampleReport { Format = b => b.Heading1Font = "楷体" };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FormatHeadings, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("楷体", finding.Evidence);
    }

    [Fact]
    public async Task RunAsync_TitleInKaiti_FormatTitle()
    {
        var sample = new SampleReport { Format = b => b.TitleFont = "楷体" };
        var finding = Assert.Single((await RunAsync(sample, HeadingMode.Styles)).Findings);

        Assert.Equal(FindingCodes.FormatTitle, finding.Code);
        Assert.Equal(0, finding.Location!.Paragraph);
    }

    [Fact]
    public async Task RunAsync_CompanyLineInSongti_FormatTitle()
    {
        var sample = new SampleReport { Format = b => b.CompanyFont = "宋体" };
        var finding = Assert.Single((await RunAsync(sample, HeadingMode.DirectFormatting)).Findings);

        Assert.Equal(FindingCodes.FormatTitle, finding.Code);
        Assert.Contains("楷体", finding.Evidence);
        Assert.Equal(1, finding.Location!.Paragraph);
    }

    [Fact]
    public async Task RunAsync_ParagraphOfHundredThousandSpaces_ReadInTime()
    {
        // A pathological leader must not make the 目录 detection quadratic (the harness cancels after 30 s).
        var sample = new SampleReport();
        sample.ExtraOverview.Add("企业" + new string(' ', 100_000) + "概况");

        var record = await RunAsync(sample, HeadingMode.DirectFormatting);

        Assert.Equal(sample.ExpectedBody, record.Report!.BodyWordCount);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_BodySingleSpaced_FormatBody(HeadingMode mode)
    {
        var sample = new SampleReport { Format = b => b.BodyLine = 240 };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FormatBody, finding.Code);
        Assert.Contains("行距", finding.Evidence);
        Assert.True(finding.Measured > 0.9);
    }

    [Fact]
    public async Task RunAsync_BodyInFangsongSixteen_FormatBody()
    {
        var sample = new SampleReport { Format = b => (b.BodyFont, b.BodyHalfPoints) = ("仿宋_GB2312", 32) };
        var finding = Assert.Single((await RunAsync(sample, HeadingMode.DirectFormatting)).Findings);

        Assert.Equal(FindingCodes.FormatBody, finding.Code);
        Assert.Contains("字体", finding.Evidence);
        Assert.Contains("字号", finding.Evidence);
    }

    [Fact]
    public async Task RunAsync_BodyFormatFromNormalStyle_ResolvedThroughStyles()
    {
        var ok = new SampleReport { Format = b => b.BodyFormatInStyle = true };
        Assert.Empty((await RunAsync(ok, HeadingMode.Styles)).Findings);

        var small = new SampleReport { Format = b => (b.BodyFormatInStyle, b.BodyHalfPoints) = (true, 24) };
        Assert.Equal([FindingCodes.FormatBody], (await RunAsync(small, HeadingMode.Styles)).Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task RunAsync_AFewStrayBodyParagraphs_NoFormatWarning()
    {
        // One paragraph in 楷体 among dozens is a slip, not a template ignored: below the 20 % share.
        var sample = new SampleReport { ExtraOverviewFont = "楷体" };
        sample.ExtraOverview.Add("企业坚持创新驱动");
        Assert.Empty((await RunAsync(sample, HeadingMode.DirectFormatting)).Findings);

        var many = new SampleReport { ExtraOverviewFont = "楷体", ContentSentences = 25 };
        many.ExtraOverview.AddRange(Enumerable.Repeat(string.Concat(Enumerable.Repeat(SampleReport.Sentence, 12)), 5));
        Assert.Equal([FindingCodes.FormatBody], (await RunAsync(many, HeadingMode.DirectFormatting)).Findings.Select(f => f.Code).Where(c => c == FindingCodes.FormatBody));
    }

    [Theory]
    [InlineData(16838u, 11906u, true, HeadingMode.Styles)]
    [InlineData(16838u, 11906u, true, HeadingMode.DirectFormatting)]
    [InlineData(12240u, 15840u, false, HeadingMode.AutoNumbering)]
    public async Task RunAsync_NotA4Portrait_FormatPage(uint width, uint height, bool landscape, HeadingMode mode)
    {
        var sample = new SampleReport { Format = b => (b.PageWidth, b.PageHeight, b.Landscape) = (width, height, landscape) };
        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FormatPage, finding.Code);
        Assert.Contains("mm", finding.Evidence);
    }

    private Task<CaseRecord> RunAsync(SampleReport sample, HeadingMode mode, FormSection? form = null, bool withForm = true)
    {
        var path = sample.Save(_folder, mode, $"{Guid.NewGuid():N}.docx");
        return _harness.RunAsync(path, withForm ? form ?? FormFor(sample) : null);
    }

    private static FormSection FormFor(SampleReport sample) => new() { CaseName = sample.Title, Applicant = sample.Company };

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
