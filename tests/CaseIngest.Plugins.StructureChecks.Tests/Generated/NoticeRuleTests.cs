using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Tests.Support;

namespace CaseIngest.Plugins.StructureChecks.Tests.Generated;

/// <summary>The rules of the notice added to DESIGN.md (bare 公司, second person, missing sections, partners, figures
/// and tables, the title's format, the company line and indicators against the form, the year in use), each on .docx
/// files generated with heading styles and with direct formatting only, with the near-misses that must not fire.</summary>
public sealed class NoticeRuleTests : IDisposable
{
    private readonly StepHarness _harness = new();
    private readonly TemporaryDirectory _folder = new();

    public static TheoryData<HeadingMode> Modes => new(HeadingMode.Styles, HeadingMode.DirectFormatting);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_BareCompanyAsShortName_CompanyAsShortNameWithEveryHit(HeadingMode mode)
    {
        var sample = new SampleReport();
        sample.ExtraOverview.Add("2022年公司启动智能排产项目，排产平台的运维由公司信息中心负责。配套制度方面，公司制定《排产管理办法》");

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.CompanyAsShortName, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(3, finding.Measured);
        Assert.Contains("公司启动智能排产", finding.Evidence);
        Assert.Contains("由公司信息中心负责", finding.Evidence);
        Assert.Contains("公司制定《排产管理办法》", finding.Evidence);
        Assert.Contains("一、企业概况第 ", finding.Evidence);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_CompanyInNamesOfOthersAndLegalTerms_NoFinding(HeadingMode mode)
    {
        var sample = new SampleReport { OverviewSentences = 6 };
        sample.ExtraOverview.Add("排产引擎由南京云帆软件有限公司定制，下属子公司和母公司同步推广，该公司已完善公司治理结构，依照《公司法》规范运作");

        Assert.Empty((await RunAsync(sample, mode)).Findings);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_ReportAddressesTheReader_SecondPersonWithEveryHit(HeadingMode mode)
    {
        var sample = new SampleReport();
        sample.ExtraOverview.Add("如您在表1中所见，排产用时明显缩短");
        sample.ExtraPerformance.Add("你们可以设想一下车间的变化");

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.SecondPerson, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(2, finding.Measured);
        Assert.Contains("如您在表1中所见", finding.Evidence);
        Assert.Contains("三、绩效表现第 ", finding.Evidence);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_YouInsideAQuotedCustomerLetterOrAWord_NoFinding(HeadingMode mode)
    {
        var sample = new SampleReport();
        sample.ExtraOverview.Add("客户在来信中写道：“感谢您们的团队，您的排产方案让我们按期交货。”车间还配置了迷你工作站");

        Assert.Empty((await RunAsync(sample, mode)).Findings);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_OverviewRenamed_MissingSectionWithTheHeadingsFoundAndNullMeasure(HeadingMode mode)
    {
        var sample = new SampleReport { OverviewHeading = "一、发展历程" };
        var record = await RunAsync(sample, mode);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.MissingSection, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("企业概况", finding.Message);
        Assert.Contains("一、发展历程", finding.Evidence);
        Assert.Contains("二、案例内容", finding.Evidence);
        Assert.Null(record.Report!.OverviewWordCount);
        Assert.NotNull(record.Report.ContentWordCount);
        Assert.Equal(sample.ExpectedPerformance, record.Report.PerformanceWordCount);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_OverviewUnderAnAcceptedWording_NoFinding(HeadingMode mode)
    {
        var sample = new SampleReport { OverviewHeading = "一、企业简介" };
        var record = await RunAsync(sample, mode);

        Assert.Empty(record.Findings);
        Assert.Equal(sample.ExpectedOverview, record.Report!.OverviewWordCount);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_NoPartnerOnlyNamesAndOwnWork_NoPartnerDescribed(HeadingMode mode)
    {
        // A customer's name, service to clients and the company's own development are no partner with a role.
        var sample = new SampleReport { Partner = null };
        sample.ExtraOverview.Add("产品销往华东电子有限公司等企业，为客户提供排产咨询");
        sample.ExtraOverview.Add("排产平台由信息中心自主开发");

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.NoPartnerDescribed, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("与南粤理工大学共建工业视觉联合实验室", HeadingMode.Styles)]
    [InlineData("算力由华东云计算有限公司提供", HeadingMode.DirectFormatting)]
    [InlineData("与合作单位星衡视觉科技联合开发检测方案", HeadingMode.Styles)]
    [InlineData("南昌一家人力资源科技企业参与招聘模块开发", HeadingMode.DirectFormatting)]
    public async Task RunAsync_PartnerWithItsRole_NoFinding(string partner, HeadingMode mode)
    {
        var sample = new SampleReport { Partner = partner };

        Assert.Empty((await RunAsync(sample, mode)).Findings);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_NoTableNoPicture_NoFiguresOrTablesInfo(HeadingMode mode)
    {
        var sample = new SampleReport { WithTable = false };

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.NoFiguresOrTables, finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_TitleAndCompanyLineNotCentred_FormatTitle(HeadingMode mode)
    {
        var sample = new SampleReport { Format = b => b.FrontCentered = false };

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FormatTitle, finding.Code);
        Assert.Contains("未居中", finding.Evidence);
        Assert.Equal(2, finding.Measured);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_CompanyLineInSanhaoInsteadOfXiaosan_FormatTitle(HeadingMode mode)
    {
        var sample = new SampleReport { Format = b => b.CompanyHalfPoints = 32 };

        var finding = Assert.Single((await RunAsync(sample, mode)).Findings);

        Assert.Equal(FindingCodes.FormatTitle, finding.Code);
        Assert.Contains("企业名称", finding.Message);
        Assert.Equal(1, finding.Location!.Paragraph);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_CompanyLineNamesAnotherCompany_CompanyLineMismatch(HeadingMode mode)
    {
        var sample = new SampleReport();
        var form = new FormSection { CaseName = sample.Title, Applicant = "江苏示例精密制造股份有限公司南京分公司" };

        var finding = Assert.Single((await RunAsync(sample, mode, form)).Findings);

        Assert.Equal(FindingCodes.CompanyLineMismatch, finding.Code);
        Assert.Contains("南京分公司", finding.Evidence);
    }

    [Theory]
    [InlineData("示例精密制造股份有限公司", "江苏示例精密制造股份有限公司", HeadingMode.Styles)]
    [InlineData("江苏示例（精密）制造股份有限公司", "江苏示例(精密)制造股份有限公司", HeadingMode.DirectFormatting)]
    [InlineData("江苏示例精密制造（集团）股份有限公司", "江苏示例精密制造股份有限公司", HeadingMode.Styles)]
    [InlineData("示例精密制造", "江苏示例精密制造股份有限公司", HeadingMode.DirectFormatting)]
    public async Task RunAsync_CompanyLineAVariantOfTheApplicant_NoFinding(string line, string applicant, HeadingMode mode)
    {
        var sample = new SampleReport { Company = line };
        var form = new FormSection { CaseName = sample.Title, Applicant = applicant };

        Assert.DoesNotContain((await RunAsync(sample, mode, form)).Findings, f => f.Code == FindingCodes.CompanyLineMismatch);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_ReportStatesARevenueOffTheForm_IndicatorReportMismatchWithBothFigures(HeadingMode mode)
    {
        var sample = new SampleReport();
        sample.ExtraPerformance.Add("2025年，示例精工实现主营业务收入1.5亿元。");
        sample.ExtraPerformance.Add("数字化业务收入由2024年的2000万元增长到2025年的2600万元。");

        var finding = Assert.Single((await RunAsync(sample, mode, FormWithIndicators(sample))).Findings);

        Assert.Equal(FindingCodes.IndicatorReportMismatch, finding.Code);
        Assert.Equal(1, finding.Measured);
        Assert.Contains("2025 年主营业务收入", finding.Evidence);
        Assert.Contains("1.5亿元", finding.Evidence);
        Assert.Contains("15000 万元", finding.Evidence);
        Assert.Contains("12000 万元", finding.Evidence);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task RunAsync_FiguresInOtherUnitsProjectOnlyCumulativeOrUndated_NoFinding(HeadingMode mode)
    {
        var sample = new SampleReport();
        // 1.2亿元 is the form's 12000 万元; 3%-off 元 figures pass; the rest are not the indicator of a year.
        sample.ExtraPerformance.Add("2025年，示例精工实现主营业务收入1.2亿元，数智化专业人才占比由2024年的8.6%提高到2025年的10.1%。");
        sample.ExtraPerformance.Add("2024年、2025年数智化建设投入分别为5100000元和6000000元。");
        sample.ExtraPerformance.Add("排产项目累计实现营业收入3亿元，2025年数字化业务收入增长500万元，主营业务收入达到2亿元。");
        sample.ExtraPerformance.Add("2025年人均营业收入98万元，较2024年提高6%。");

        Assert.Empty((await RunAsync(sample, mode, FormWithIndicators(sample))).Findings);
    }

    [Theory]
    [InlineData("2025年8月，智能排产平台在总装车间正式上线运行", "2025-08", HeadingMode.Styles)]
    [InlineData("2024年3月启动建设，2025年10月平台正式投入使用", "2025-10", HeadingMode.DirectFormatting)]
    [InlineData("2026年，智能排产平台正式投运", "2026", HeadingMode.Styles)]
    public async Task RunAsync_InUseLessThanAYearBeforeTheClose_ImplementationUnderOneYear(string goLive, string start, HeadingMode mode)
    {
        var sample = new SampleReport { GoLive = goLive };
        var record = await RunAsync(sample, mode);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.ImplementationUnderOneYear, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(start, finding.Evidence);
        Assert.Equal(start, record.Report!.ImplementationStart);
    }

    [Theory]
    [InlineData("2025年7月，智能排产平台在总装车间正式上线运行", "2025-07", HeadingMode.Styles)]
    [InlineData("2023年3月立项、2024年1月启动建设，2024年9月平台投入使用，2025年上线移动端", "2024-09", HeadingMode.DirectFormatting)]
    [InlineData("2024年，智能排产平台正式投入使用", "2024", HeadingMode.Styles)]
    [InlineData("平台上线于2024年5月，线上线下订单统一排产", "2024-05", HeadingMode.DirectFormatting)]
    public async Task RunAsync_InUseAYearBeforeTheClose_NoFinding(string goLive, string start, HeadingMode mode)
    {
        var sample = new SampleReport { GoLive = goLive };
        var record = await RunAsync(sample, mode);

        Assert.Empty(record.Findings);
        Assert.Equal(start, record.Report!.ImplementationStart);
    }

    [Theory]
    [InlineData(null, null, HeadingMode.Styles)]
    [InlineData("2025年，智能排产平台正式上线", "2025", HeadingMode.DirectFormatting)]
    [InlineData("计划于2024年6月上线的平台，上线前（2023年）由人工排产", null, HeadingMode.Styles)]
    public async Task RunAsync_NoGoLiveMonthThatDecides_ImplementationDateUnknownInfo(string? goLive, string? start, HeadingMode mode)
    {
        var sample = new SampleReport { GoLive = goLive };
        var record = await RunAsync(sample, mode);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.ImplementationDateUnknown, finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(start, record.Report!.ImplementationStart);
    }

    private static FormSection FormWithIndicators(SampleReport sample) => new()
    {
        CaseName = sample.Title,
        Applicant = sample.Company,
        Indicators = new()
        {
            ["主营业务收入"] = [10000, 12000],
            ["数字化业务收入"] = [2000, 2600],
            ["数智化建设投入"] = [500, 620],
            ["数智化专业人才占比"] = [8.6, 10.3],
            ["专利或软件著作权数量"] = [40, 52],
        },
    };

    private Task<CaseRecord> RunAsync(SampleReport sample, HeadingMode mode, FormSection? form = null)
    {
        var path = sample.Save(_folder, mode, $"{Guid.NewGuid():N}.docx");
        return _harness.RunAsync(path, form ?? new FormSection { CaseName = sample.Title, Applicant = sample.Company });
    }

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }
}
