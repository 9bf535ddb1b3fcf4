using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>The form rules on generated forms: each breach found with the evidence named, and nothing else.</summary>
public sealed class FindingTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-findings-");

    private Task<CaseRecord> RunAsync(FormSpec spec) => FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

    [Fact]
    public async Task RunAsync_EmptyCaseNameAndPhone_MissingFieldNamesEach()
    {
        var spec = new FormSpec { CaseName = "", ApplicantContact = ["孙立群", "主任", "", "a@b.com"] };

        var record = await RunAsync(spec);

        var missing = record.Codes(FindingCodes.MissingField).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, f => f.Evidence!.Contains("案例名称", StringComparison.Ordinal) && f.Severity == Severity.Error);
        Assert.Contains(missing, f => f.Evidence!.Contains("申报单位联系人·电话", StringComparison.Ordinal));
        Assert.All(missing, f => Assert.Equal("申报表.docx", f.Location!.File));
    }

    [Theory]
    [InlineData("0551-6586", "a@b.com")]
    [InlineData("1390411527", "a@b.com")]
    [InlineData("0551-65862317", "sunliqun.lantingdq.com")]
    [InlineData("0551-65862317", "孙立群@公司")]
    public async Task RunAsync_ImplausiblePhoneOrEmail_InvalidContactWarning(string phone, string email)
    {
        var spec = new FormSpec { RecommenderContact = ["周敏", "主任", phone, email] };

        var record = await RunAsync(spec);

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.InvalidContact, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("推荐单位联系人", finding.Location!.Section);
    }

    [Theory]
    [InlineData("13904115276")]
    [InlineData("+86 139 0411 5276")]
    [InlineData("010-68593471转 8021")]
    [InlineData("0551-65862317 / 13904115276")]
    public async Task RunAsync_PlausiblePhone_NoFinding(string phone)
    {
        var record = await RunAsync(new FormSpec { ApplicantContact = ["孙立群", "主任", phone, "sunliqun@lantingdq.com"] });

        Assert.Empty(record.Findings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task RunAsync_CreatorsOutsideOneToFive_CreatorsCountError(int count)
    {
        var spec = new FormSpec { Creators = Enumerable.Range(1, count).Select(i => new[] { $"人员{i}", "经理", "工程师" }).ToList() };

        var record = await RunAsync(spec);

        Assert.Equal(count, record.Form!.Creators.Count);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.CreatorsCount, finding.Code);
        Assert.Equal(count, finding.Measured);
        Assert.Equal(5, finding.Limit);
    }

    [Fact]
    public async Task RunAsync_DigitalRevenueAboveMainAndShareOver100_IndicatorInconsistent()
    {
        var spec = new FormSpec();
        spec.Indicators[1] = ["万元", "186400", "1900000"];
        spec.Indicators[3] = ["%", "108", "10.3"];
        spec.Indicators[2] = ["万元", "-5", "46200"];

        var record = await RunAsync(spec);

        var findings = record.Codes(FindingCodes.IndicatorInconsistent).ToList();
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Evidence!.Contains("2025 年：数字化业务收入 1900000 万元 > 主营业务收入 1623500 万元", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Evidence!.Contains("数智化专业人才占比（2024 年）：108%", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Evidence!.Contains("数智化建设投入（2024 年）：-5", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal(3, record.Findings.Count);
    }

    [Fact]
    public async Task RunAsync_IndicatorsInOtherNotations_ReadAsNumbersInWanYuan()
    {
        // GIVEN thousands separators, full-width digits, 亿元 in the value and in the unit column, a % sign and a blank
        var spec = new FormSpec();
        spec.Indicators[0] = ["万元", "1,486,000", "１６２３５００"];
        spec.Indicators[1] = ["亿元", "18.64", "24.17"];
        spec.Indicators[2] = ["万元", "3.86亿元", "46,200.5"];
        spec.Indicators[3] = ["%", "8.6%", "１０．３％"];
        spec.Indicators[4] = ["项", "1352", ""];

        var record = await RunAsync(spec);

        var indicators = record.Form!.Indicators;
        Assert.Equal([1486000d, 1623500d], indicators["主营业务收入"]);
        Assert.Equal([186400d, 241700d], indicators["数字化业务收入"]);
        Assert.Equal([38600d, 46200.5], indicators["数智化建设投入"]);
        Assert.Equal([8.6, 10.3], indicators["数智化专业人才占比"]);
        Assert.Equal([1352d, null], indicators["专利或软件著作权数量"]);
        // THEN the blank is null and named as a missing field
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.MissingField, finding.Code);
        Assert.Contains("专利或软件著作权数量（2025 年）", finding.Evidence, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
