using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.StructureChecks.Tests.Configuration;

/// <summary>Next edition's notice is a configuration change: limits and wording come from a versioned rule set.</summary>
public sealed class RuleSetTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task RunAsync_ConfiguredEdition_LimitsAndVersionFromConfiguration()
    {
        using var harness = new StepHarness(new Dictionary<string, string?>
        {
            ["Plugins:StructureChecks:RuleSets:edition-9:BodyMinChars"] = "5000",
            ["Plugins:StructureChecks:RuleSets:edition-9:Disabled:0"] = "no_toc",
        });
        var sample = new SampleReport { Toc = TocKind.None };
        var path = sample.Save(_folder, HeadingMode.Styles);

        var record = await harness.RunAsync(path, new FormSection { CaseName = sample.Title, Applicant = sample.Company }, ruleSet: "edition-9");

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.TooShort, finding.Code);
        Assert.Equal(5000, finding.Limit);
        Assert.Equal("edition-9", finding.RuleSet);
    }

    [Fact]
    public async Task RunAsync_SameReportUnderEdition8_BuiltInRules()
    {
        using var harness = new StepHarness(new Dictionary<string, string?> { ["Plugins:StructureChecks:RuleSets:edition-9:BodyMinChars"] = "5000" });
        var sample = new SampleReport { Toc = TocKind.None };
        var path = sample.Save(_folder, HeadingMode.Styles);

        var record = await harness.RunAsync(path, new FormSection { CaseName = sample.Title, Applicant = sample.Company });

        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.NoToc, finding.Code);
        Assert.Equal("edition-8", finding.RuleSet);
    }

    [Fact]
    public async Task RunAsync_UnknownRuleSet_ChecksUnderTheBuiltInRules()
    {
        using var harness = new StepHarness();
        var sample = new SampleReport { Title = "基于工业大数据的离散制造企业智能排产与质量管控" };
        var path = sample.Save(_folder, HeadingMode.Styles);

        var record = await harness.RunAsync(path, new FormSection { CaseName = sample.Title, Applicant = sample.Company }, ruleSet: "edition-42");

        // The limits are edition-8's (the plugin logs the fallback); the finding's rule set is the pipeline's, which the
        // runner stamps (here the context's).
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.TitleTooLong, finding.Code);
        Assert.Equal(20, finding.Limit);
    }

    [Fact]
    public void Options_ConfiguredList_ReplacesTheBuiltInListAndKeepsOtherDefaults()
    {
        var options = Build(new Dictionary<string, string?>
        {
            ["Plugins:StructureChecks:RuleSets:edition-9:FirstPersonTerms:0"] = "我方",
            ["Plugins:StructureChecks:RuleSets:edition-9:Format:Body:SizePt"] = "12",
            ["Plugins:StructureChecks:RuleSets:edition-9:Format:FontAliases:黑体:0"] = "方正黑体",
        });

        var edition9 = options.RuleSets["edition-9"];
        Assert.Equal(["我方"], edition9.FirstPersonTerms!);
        Assert.Equal(12, edition9.Format.Body.SizePt);
        Assert.Equal("宋体", edition9.Format.Body.Font);
        Assert.Equal(20, edition9.TitleMaxChars);
        Assert.Equal(5, edition9.Dimensions!.Count);
        Assert.Contains("我们", options.RuleSets["edition-8"].FirstPersonTerms!);
        Assert.Equal(["方正黑体"], edition9.Format.FontAliases!["黑体"]);
        Assert.Contains("SimSun", edition9.Format.FontAliases["宋体"]);
    }

    [Fact]
    public void Options_InvalidLimits_FailValidationNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?>
        {
            ["Plugins:StructureChecks:RuleSets:edition-9:BodyMinChars"] = "7000",
            ["Plugins:StructureChecks:RuleSets:edition-9:Dimensions:0:Name"] = "应用场景",
            ["Plugins:StructureChecks:RuleSets:edition-9:Dimensions:0:Patterns:0"] = "([",
        }));

        Assert.Contains("RuleSets:edition-9", error.Message);
        Assert.Contains("([", error.Message);
    }

    [Fact]
    public void Options_NoticeRuleSettings_BoundAndValidated()
    {
        var options = Build(new Dictionary<string, string?>
        {
            ["Plugins:StructureChecks:RuleSets:edition-9:Implementation:CallClosesOn"] = "2027-07-31",
            ["Plugins:StructureChecks:RuleSets:edition-9:Indicators:Tolerance"] = "0.1",
        });

        Assert.Equal(new DateOnly(2027, 7, 31), options.RuleSets["edition-9"].Implementation.CallClosesOn);
        Assert.Equal(0.1, options.RuleSets["edition-9"].Indicators.Tolerance);
        Assert.Equal(new DateOnly(2026, 7, 31), options.RuleSets["edition-8"].Implementation.CallClosesOn);
        Assert.NotEmpty(options.RuleSets["edition-9"].Partners.Patterns!);

        var error = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?>
        {
            ["Plugins:StructureChecks:RuleSets:edition-9:Partners:Patterns:0"] = "由{org}(",
        }));
        Assert.Contains("RuleSets:edition-9", error.Message);
    }

    private static StructureChecksOptions Build(Dictionary<string, string?> settings)
    {
        using var provider = PluginSteps.Compose(new StructureChecksRegistrar(), StructureChecksOptions.SectionName, settings);
        return provider.GetRequiredService<IOptions<StructureChecksOptions>>().Value;
    }

    public void Dispose() => _folder.Dispose();
}
