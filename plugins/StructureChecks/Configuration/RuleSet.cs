using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>
/// One edition's writing rules for the case report (附件2): limits, wording and severities. Bound from
/// <c>Plugins:StructureChecks:RuleSets:&lt;version&gt;</c>; anything left out keeps the built-in edition-8 value, so a
/// new edition's notice is a configuration change.
/// </summary>
public sealed class RuleSet
{
    /// <summary>The version findings name (the key under RuleSets).</summary>
    public string Version { get; set; } = "";

    public int TitleMaxChars { get; set; } = 20;
    public int BodyMinChars { get; set; } = 4000;
    public int BodyMaxChars { get; set; } = 6000;
    public int OverviewMaxChars { get; set; } = 300;
    public int ContentMaxChars { get; set; } = 5000;
    public int PerformanceMaxChars { get; set; } = 1000;
    public int MaxHeadingDepth { get; set; } = 3;

    /// <summary>A paragraph with direct formatting only counts as a heading when it is no longer than this (字数).</summary>
    public int MaxHeadingChars { get; set; } = 40;

    // Collections start null: the configuration binder appends to pre-filled collections, so defaults are applied
    // after binding (see ApplyDefaults) and a configured list replaces the built-in one.
    public string[]? OverviewHeadings { get; set; }
    public string[]? ContentHeadings { get; set; }
    public string[]? PerformanceHeadings { get; set; }
    public List<RequiredDimension>? Dimensions { get; set; }
    public string[]? FirstPersonTerms { get; set; }

    /// <summary>Words that follow a first-person term and make it something else (我国, 本行业).</summary>
    public string[]? FirstPersonExceptions { get; set; }

    public string[]? CompanySuffixes { get; set; }
    public string[]? RegionPrefixes { get; set; }

    /// <summary>Two-character words that are never a company's trade name on their own (智能, 科技…).</summary>
    public string[]? GenericNameParts { get; set; }

    /// <summary>Letter tokens allowed in a title (none by default).</summary>
    public string[]? AllowedTitleTokens { get; set; }

    /// <summary>Severity per finding code where it differs from the catalogue's default.</summary>
    public Dictionary<string, Severity> Severities { get; set; } = [];

    /// <summary>Codes this rule set does not check at all.</summary>
    public string[]? Disabled { get; set; }

    public FormatRules Format { get; set; } = new();

    internal void ApplyDefaults()
    {
        OverviewHeadings ??= ["企业概况", "企业简介", "公司概况", "单位概况", "企业基本情况"];
        ContentHeadings ??= ["案例内容", "案例主要内容", "主要能力介绍", "主要能力"];
        PerformanceHeadings ??= ["绩效表现", "绩效", "实施成效", "应用成效"];
        Dimensions ??=
        [
            new() { Name = "应用场景", Patterns = ["应用场景", "场景"] },
            new() { Name = "数智技术能力", Patterns = ["数智技术", "技术能力", "数字技术", "智能技术", "数智化技术"] },
            new() { Name = "组织与管理变革", Patterns = ["组织与管理", "管理变革", "组织变革", "组织和管理"] },
            new() { Name = "人机协同", Patterns = ["人机.{0,12}协同", "人机协作", "人机融合"] },
            new() { Name = "绩效表现", Patterns = ["绩效", "成效", "效益"], Level1Only = true },
        ];
        FirstPersonTerms ??=
        [
            "我们", "我公司", "我司", "我厂", "我单位", "我集团", "我企业", "我院", "我行", "我部", "我中心", "我社",
            "本公司", "本企业", "本集团", "本单位", "本厂", "本司", "笔者", "咱们",
        ];
        FirstPersonExceptions ??= ["本行业", "我行业", "本单位内", "我部分"];
        CompanySuffixes ??=
        [
            "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "股份公司", "总公司", "分公司", "公司",
            "研究院", "研究所", "医院",
        ];
        RegionPrefixes ??= [.. DefaultRegions.All];
        GenericNameParts ??=
        [
            "智能", "科技", "数字", "数据", "信息", "网络", "技术", "电子", "中国", "中华", "国际", "人工", "工业", "智慧",
            "能源", "医疗", "制造", "服务", "发展", "投资", "控股", "实业", "商业", "产业",
        ];
        AllowedTitleTokens ??= [];
        Disabled ??= [];
        Format.ApplyDefaults();
    }

    internal Severity SeverityOf(string code, Severity catalogueDefault) =>
        Severities.TryGetValue(code, out var severity) ? severity : catalogueDefault;

    internal bool IsEnabled(string code) => Disabled is null || !Disabled.Contains(code, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A dimension 附件2 requires among the report's headings, with the wordings that satisfy it (regular expressions).</summary>
public sealed class RequiredDimension
{
    public string Name { get; set; } = "";
    public string[] Patterns { get; set; } = [];

    /// <summary>Only a level-1 heading satisfies it (三、绩效表现).</summary>
    public bool Level1Only { get; set; }
}

/// <summary>附件2 二(三): fonts, sizes, line spacing and paper.</summary>
public sealed class FormatRules
{
    public FontSpec Title { get; set; } = new() { Font = "黑体", SizePt = 16 };

    /// <summary>案例申报企业全称 楷体小三号.</summary>
    public FontSpec CompanyLine { get; set; } = new() { Font = "楷体", SizePt = 15 };
    public FontSpec Heading1 { get; set; } = new() { Font = "黑体", SizePt = 15 };
    public FontSpec Heading2 { get; set; } = new() { Font = "宋体", SizePt = 14, Bold = true };
    public FontSpec Heading3 { get; set; } = new() { Font = "宋体", SizePt = 14, Bold = true };
    public FontSpec Body { get; set; } = new() { Font = "宋体", SizePt = 14 };
    public double BodyLineSpacing { get; set; } = 1.5;
    public double LineSpacingTolerance { get; set; } = 0.05;
    public double SizeTolerancePt { get; set; } = 0.25;

    /// <summary>Warn when more than this share of the headings (by count) or of the body (by 字数) is off.
    /// A stray paragraph is a slip a reviewer ignores; a fifth of the text is a template not followed.</summary>
    public double MismatchShare { get; set; } = 0.2;

    public double PageWidthMm { get; set; } = 210;
    public double PageHeightMm { get; set; } = 297;
    public double PageToleranceMm { get; set; } = 2;

    /// <summary>Font name → the names Word, WPS and LibreOffice write for it.</summary>
    public Dictionary<string, string[]>? FontAliases { get; set; }

    internal void ApplyDefaults()
    {
        // A font configured replaces its built-in aliases; the fonts not configured keep theirs.
        var configured = FontAliases;
        FontAliases = new(StringComparer.OrdinalIgnoreCase)
        {
            ["黑体"] = ["黑体", "SimHei", "Heiti", "Heiti SC", "STHeiti", "华文黑体", "黑体-简", "方正黑体_GBK", "方正黑体简体"],
            ["宋体"] = ["宋体", "SimSun", "新宋体", "NSimSun", "Songti SC", "STSong", "华文宋体", "宋体-简", "SimSun-ExtB"],
            ["楷体"] = ["楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti", "华文楷体", "Kaiti SC", "楷体-简"],
        };
        foreach (var (font, names) in configured ?? [])
        {
            FontAliases[font] = names;
        }
    }
}

/// <summary>The expected font of a kind of paragraph; a null property is not checked.</summary>
public sealed class FontSpec
{
    public string? Font { get; set; }
    public double? SizePt { get; set; }
    public bool? Bold { get; set; }
}
