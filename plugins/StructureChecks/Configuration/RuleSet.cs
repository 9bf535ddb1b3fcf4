namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>
/// One edition's writing rules for the case report (附件2): limits and wording (severities are the pipeline's
/// one table, <c>Pipeline:SeverityOverrides</c>). Bound from
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

    /// <summary>Second-person words (您, 你们, 你), longest first, and words that only hold one (迷你).</summary>
    public string[]? SecondPersonTerms { get; set; }
    public string[]? SecondPersonExceptions { get; set; }

    /// <summary>Words after which a bare 公司 is a noun of its own, not the end of a name (由, 与, 年…).</summary>
    public string[]? CompanyShortNameLeads { get; set; }

    /// <summary>公司 in a legal or generic term, never the company's short name (公司治理, 《公司法》).</summary>
    public string[]? CompanyShortNameExceptions { get; set; }

    public string[]? CompanySuffixes { get; set; }
    public string[]? RegionPrefixes { get; set; }

    /// <summary>Two-character words that are never a company's trade name on their own (智能, 科技…).</summary>
    public string[]? GenericNameParts { get; set; }

    /// <summary>Letter tokens allowed in a title (none by default).</summary>
    public string[]? AllowedTitleTokens { get; set; }

    /// <summary>Codes this rule set does not check at all.</summary>
    public string[]? Disabled { get; set; }

    public FormatRules Format { get; set; } = new();

    /// <summary>附件2 一(二)2: how a partner and what it did are recognised.</summary>
    public PartnerRules Partners { get; set; } = new();

    /// <summary>申报条件(二): when the case must have gone into use.</summary>
    public ImplementationRules Implementation { get; set; } = new();

    /// <summary>附件1 indicators as the report may state them.</summary>
    public IndicatorRules Indicators { get; set; } = new();

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
        SecondPersonTerms ??= ["您们", "您", "你们", "你"];
        SecondPersonExceptions ??= ["迷你", "你我", "你追我赶", "你争我赶", "你来我往", "你中有我", "我中有你"];
        CompanyShortNameLeads ??=
        [
            "由", "与", "和", "及", "在", "为", "是", "对", "向", "将", "使", "让", "被", "把", "经", "随", "从", "给", "同", "跟",
            "令", "全", "据", "并", "且", "而", "年", "月", "日", "后", "来", "起", "时",
        ];
        CompanyShortNameExceptions ??= ["公司治理", "《公司法", "公司法》", "公司制改革", "公司制改制", "公司化改革", "公司化运作", "公司债"];
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
        Partners.ApplyDefaults();
        Implementation.ApplyDefaults();
        Indicators.ApplyDefaults();
    }

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
    public FontSpec Title { get; set; } = new() { Font = "黑体", SizePt = 16, Centered = true };

    /// <summary>案例申报企业全称 楷体小三号 居中.</summary>
    public FontSpec CompanyLine { get; set; } = new() { Font = "楷体", SizePt = 15, Centered = true };
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
    public bool? Centered { get; set; }
}

/// <summary>附件2 一(二)2 "需对合作单位、合作内容及方式进行简要介绍": a sentence names a partner — an organisation by
/// the kind it is (…有限公司, …大学, 运营商, 一家…企业) or as 合作单位 — together with what it did (与…联合开发, …参与,
/// 由…提供, 共建…实验室). A name alone, or "为客户提供" (the company's own work for others), is not a partner described.</summary>
public sealed class PartnerRules
{
    /// <summary>How an organisation's name, or its kind when unnamed, ends.</summary>
    public string[]? Organisations { get; set; }

    /// <summary>Regular expressions of a partner with its role; <c>{org}</c> stands for an organisation's name.</summary>
    public string[]? Patterns { get; set; }

    /// <summary>A sentence with one of these describes the company's own work (自主开发), whoever else it names.</summary>
    public string[]? OwnWork { get; set; }

    internal void ApplyDefaults()
    {
        Organisations ??=
        [
            "有限公司", "公司", "大学", "学院", "院校", "高校", "研究院", "研究所", "科研院所", "实验室", "运营商", "供应商", "服务商",
            "厂商", "企业", "医院", "科技", "电子", "博物馆",
        ];
        Patterns ??=
        [
            @"(?<![为向给])(?:与|和|同|联合|携手|会同)(?:合作单位)?{org}[^，。；]{0,16}?(?:联合|合作|共同|共建|开展|研发|开发|研究|研制|攻关)",
            @"{org}[^，。；]{0,2}(?:参与|负责|提供|配套|承担|协助|承建)",
            @"由{org}[^，。；]{0,12}?(?:开发|研发|提供|配套|建设|定制|负责|研制|承建)",
            @"(?:共建|联合共建|联合成立|合作共建)[^，。；]{0,16}实验室",
            @"合作单位[^，。；]{2,14}?(?:参与|负责|提供|配套|承担|协助|联合|共同)",
        ];
        OwnWork ??= ["自主开发", "自主研发", "自行开发", "自主设计"];
    }

    /// <summary>The patterns with <c>{org}</c> filled in: a run of up to 20 name characters ending in an organisation's kind.</summary>
    internal IEnumerable<string> ExpandedPatterns()
    {
        var org = @"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,20}?(?:" + string.Join("|", (Organisations ?? []).Select(System.Text.RegularExpressions.Regex.Escape)) + ")";
        return (Patterns ?? []).Select(p => p.Replace("{org}", org, StringComparison.Ordinal));
    }
}

/// <summary>申报条件(二) "实施应用一年以上": the earliest month the report says the case went into use, against the
/// call's close.</summary>
public sealed class ImplementationRules
{
    /// <summary>The last day submissions are accepted (四(三)); a go-live month at most twelve months before its month
    /// passes (2026-07-31 → 2025-07 passes, 2025-08 does not).</summary>
    public DateOnly CallClosesOn { get; set; } = new(2026, 7, 31);

    /// <summary>A regular expression of the words that say the case went into use (上线, 投入使用, 投运…).</summary>
    public string? GoLivePattern { get; set; }

    /// <summary>A go-live word followed by one of these refers to the moment, it does not date it (上线前, 上线后, 投运首月).</summary>
    public string[]? ReferenceSuffixes { get; set; }

    /// <summary>Between a date and the go-live word, these give the date to something else (2023年3月启动建设…，上线).</summary>
    public string[]? NotInUseTerms { get; set; }

    /// <summary>Before the date or between it and the go-live word, these make it a plan (计划于2026年上线).</summary>
    public string[]? PlanTerms { get; set; }

    internal void ApplyDefaults()
    {
        GoLivePattern ??= @"上线|投入(?:使用|运行|运营|生产|\p{IsCJKUnifiedIdeographs}{0,2}作业)|投运|投产|交付使用|正式运行|正式启用";
        ReferenceSuffixes ??= ["前", "后", "初", "时", "首", "以来", "之初", "当月", "当年", "率", "以后", "之前", "之后"];
        NotInUseTerms ??= ["启动", "立项", "开工", "签约", "招标", "试点", "测试"];
        PlanTerms ??= ["计划于", "计划在", "计划年内", "预计", "拟于", "拟在", "将于", "将在", "力争", "有望"];
    }
}

/// <summary>附件1 indicators as the report may state them for one of the form's years.</summary>
public sealed class IndicatorRules
{
    /// <summary>A statement more than this share of the form's value apart is a mismatch.</summary>
    public double Tolerance { get; set; } = 0.05;

    /// <summary>The years of the form's two columns, in order.</summary>
    public int[]? FormYears { get; set; }

    public List<IndicatorWording>? Wordings { get; set; }

    /// <summary>Just before the indicator's name, these make the figure project-only or cumulative (项目累计…, 带动…).</summary>
    public string[]? ScopeWords { get; set; }

    /// <summary>Between the name and a figure not dated on its own, these make the figure a change, not the level (增长1.2亿元).</summary>
    public string[]? ChangeWords { get; set; }

    internal void ApplyDefaults()
    {
        FormYears ??= [2024, 2025];
        Wordings ??=
        [
            new() { Name = "主营业务收入", Unit = IndicatorUnit.Money, Patterns = ["主营业务收入", "营业收入"] },
            new() { Name = "数字化业务收入", Unit = IndicatorUnit.Money, Patterns = ["数字化(?:相关)?业务收入", "数字化服务收入"] },
            new() { Name = "数智化建设投入", Unit = IndicatorUnit.Money, Patterns = ["数智化(?:建设)?投入", "数字化(?:建设)?投入"] },
            new() { Name = "数智化专业人才占比", Unit = IndicatorUnit.Percent, Patterns = ["数智化(?:专业)?人才占(?:员工总数的?)?(?:比例|比重|比)"] },
            new() { Name = "专利或软件著作权数量", Unit = IndicatorUnit.Count, Patterns = ["专利(?:或|和|及|与|、)软件著作权(?:数量|数)?"] },
        ];
        ScopeWords ??= ["累计", "合计", "共计", "项目", "带动", "新增", "试点", "人均", "户均", "单店", "平均", "亩均"];
        ChangeWords ??= ["增加", "增长", "减少", "下降", "提高", "提升", "节约", "节省", "同比", "环比", "较", "比", "倍", "累计", "平均"];
    }
}

/// <summary>An indicator of the form (its name there) and how the report words it (regular expressions).</summary>
public sealed class IndicatorWording
{
    public string Name { get; set; } = "";
    public IndicatorUnit Unit { get; set; }
    public string[] Patterns { get; set; } = [];
}

/// <summary>What an indicator is measured in: money (the form's 万元), a percentage, a count (项/件).</summary>
public enum IndicatorUnit
{
    Money,
    Percent,
    Count,
}
