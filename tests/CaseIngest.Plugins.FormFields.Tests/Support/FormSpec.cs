namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>How a generated form marks its 案例类型 boxes.</summary>
public enum CheckboxKind
{
    /// <summary>☑ against □ typed as text.</summary>
    SymbolTicks,
    /// <summary>■ against □.</summary>
    SquareTicks,
    /// <summary>√ against □.</summary>
    CheckMarks,
    /// <summary>Word content controls (w14:checkbox) with the usual glyphs ☒ / ☐.</summary>
    ContentControl,
    /// <summary>Content controls whose glyph contradicts w14:checked (☐ shown on a checked box, ☒ on an unchecked one).</summary>
    ContentControlMisleadingGlyph,
    /// <summary>Legacy FORMCHECKBOX fields with w:checked.</summary>
    LegacyChecked,
    /// <summary>Legacy FORMCHECKBOX fields with only w:default.</summary>
    LegacyDefault,
    /// <summary>Wingdings symbols (w:sym F0FE / F0A8) as Word's Insert Symbol writes them.</summary>
    WingdingsSymbols,
}

/// <summary>The layout variants a generated form can take (combinable).</summary>
[Flags]
public enum LayoutVariant
{
    Standard = 0,
    /// <summary>案例名称：… with label and value in one cell; contacts as 姓名：… pairs.</summary>
    LabelAndValueInOneCell = 1,
    /// <summary>姓　名, 案 例 名 称 with (full-width) spaces inside labels.</summary>
    SpacedLabels = 2,
    /// <summary>Blocks in another order: recommender first, creators before the applicant contact.</summary>
    OtherOrder = 4,
    /// <summary>Empty rows between the blocks.</summary>
    EmptyRows = 8,
    /// <summary>The form after a cover text and followed by a report in the same document.</summary>
    InsideLargerDocument = 16,
    /// <summary>Every value split over several runs with different formatting.</summary>
    ValuesSplitAcrossRuns = 32,
    /// <summary>The whole form table nested in the cell of an outer layout table.</summary>
    NestedInLayoutTable = 64,
    /// <summary>Values inside plain-text content controls.</summary>
    ValuesInContentControls = 128,
    /// <summary>Block labels merged vertically (vMerge) over header and value rows, values merged horizontally (gridSpan).</summary>
    MergedCells = 256,
}

/// <summary>The values a generated form carries; the defaults make a complete, compliant form.</summary>
public sealed class FormSpec
{
    public string CaseName { get; set; } = "人工智能驱动家电全链条智能制造与服务";
    public string Applicant { get; set; } = "合肥澜庭智能家电股份有限公司";
    public string Recommender { get; set; } = "安徽省企业联合会";
    public List<string> TickedTypes { get; set; } = ["经营管理类"];
    public CheckboxKind Checkboxes { get; set; } = CheckboxKind.SymbolTicks;
    public LayoutVariant Layout { get; set; } = LayoutVariant.Standard;

    /// <summary>Cell texts per indicator row, in the form's order: unit, 2024, 2025.</summary>
    public string[][] Indicators { get; set; } =
    [
        ["万元", "1486000", "1623500"],
        ["万元", "186400", "241700"],
        ["万元", "38600", "46200"],
        ["%", "8.6", "10.3"],
        ["项", "1352", "1413"],
    ];

    public string[] ApplicantContact { get; set; } = ["孙立群", "数字科技中心副主任", "0551-65862317", "sunliqun@lantingdq.com"];
    public string[] RecommenderContact { get; set; } = ["周敏", "管理创新部主任", "0551-62871536", "ahqylh_cxb@163.com"];
    public string ApplicantOpinion { get; set; } = "同意申报。申报材料内容真实、数据准确。";
    public string RecommenderOpinion { get; set; } = "经审核，该案例材料真实完整，同意推荐。";

    /// <summary>How the recommender block names the unit ({0} = <see cref="Recommender"/>).</summary>
    public string RecommenderLine { get; set; } = "推荐单位：{0}";

    public List<string[]> Creators { get; set; } =
    [
        ["王建华", "董事长", "高级经济师"],
        ["孙立群", "数字科技中心副主任", "高级工程师"],
    ];
}
