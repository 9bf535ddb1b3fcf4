using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Exports;

/// <summary>What a person reads for a finding code: its Chinese name (pages, lists, notices) and what the applicant must
/// do about it (the 补正通知's 修改要求). One entry per code of DESIGN.md's rules catalogue, so a new code shows up here
/// or fails <c>FindingLabelsTests</c>.</summary>
internal static class FindingLabels
{
    /// <summary>Said when a code has no entry (a code newer than this table): never a raw code in a letter.</summary>
    public const string GenericFix = "请按征集通知的要求修改后重新提交。";

    /// <summary>The Chinese name; the code itself when it is unknown (better than nothing on a page).</summary>
    public static string Name(string code) => s_labels.TryGetValue(code, out var label) ? label.Name : code;

    /// <summary>What to fix, for the 补正通知.</summary>
    public static string Fix(string code) => s_labels.TryGetValue(code, out var label) ? label.Fix : GenericFix;

    /// <summary>Whether the code has its own name and fix.</summary>
    public static bool Has(string code) => s_labels.ContainsKey(code);

    private sealed record Label(string Name, string Fix);

    private static readonly Dictionary<string, Label> s_labels = new(StringComparer.Ordinal)
    {
        [FindingCodes.TitleTooLong] = new("案例名称超过 20 字", "将案例名称压缩至 20 字以内。"),
        [FindingCodes.TitleHasCompanyName] = new("案例名称含企业名称", "案例名称中删去本单位名称（全称或简称）。"),
        [FindingCodes.TitleHasAbbreviation] = new("案例名称含字母缩写", "案例名称中的字母缩写（如 MES、AI）改为中文全称。"),
        [FindingCodes.CaseNameMismatch] = new("申报表与报告名称不一致", "使申报表的案例名称与案例报告题目完全一致。"),
        [FindingCodes.TooShort] = new("正文不足 4000 字", "将正文字数调整至 4000–6000 字。"),
        [FindingCodes.TooLong] = new("正文超过 6000 字", "将正文字数调整至 4000–6000 字。"),
        [FindingCodes.OverviewTooLong] = new("企业概况超过 300 字", "将企业概况压缩至 300 字以内。"),
        [FindingCodes.ContentTooLong] = new("案例内容超过 5000 字", "将案例内容压缩至 5000 字以内。"),
        [FindingCodes.PerformanceTooLong] = new("绩效表现超过 1000 字", "将绩效表现压缩至 1000 字以内。"),
        [FindingCodes.MissingDimension] = new("缺少维度", "补齐应用场景、数智技术能力、组织与管理变革、人机协同和绩效表现各部分，并以相应标题标明。"),
        [FindingCodes.NoToc] = new("缺少目录", "在题目与“一、企业概况”之间加入目录。"),
        [FindingCodes.FirstPerson] = new("使用第一人称", "全文改用第三人称表述，不用“我们”“我公司”“本公司”等自称。"),
        [FindingCodes.HeadingDepth4] = new("标题超过三级", "标题层级不超过三级（一、/（一）/1.）。"),
        [FindingCodes.FormatBody] = new("正文格式不符", "正文用宋体四号，1.5 倍行距。"),
        [FindingCodes.FormatHeadings] = new("标题格式不符", "一级标题用黑体小三号，二、三级标题用宋体四号加粗。"),
        [FindingCodes.FormatPage] = new("页面格式不符", "页面设为 A4 纵向。"),
        [FindingCodes.FormatRulesSkipped] = new("未检查格式", "以 .docx 格式提交案例报告，以便核对格式。"),
        [FindingCodes.TypeNotTicked] = new("未勾选案例类型", "在申报表中勾选且只勾选一个案例类型。"),
        [FindingCodes.MultipleTypesTicked] = new("勾选多个案例类型", "在申报表中勾选且只勾选一个案例类型。"),
        [FindingCodes.MissingField] = new("申报表必填项为空", "补填申报表中的必填项。"),
        [FindingCodes.InvalidContact] = new("联系方式有误", "核对并更正申报表中的联系电话和电子邮箱。"),
        [FindingCodes.CreatorsCount] = new("创造人人数不符", "创造人为 1–5 人。"),
        [FindingCodes.IndicatorInconsistent] = new("指标不一致", "核对申报表中的经营指标（数字化业务收入不高于主营业务收入，占比在 0–100 % 之间，数值不为负）。"),
        [FindingCodes.MissingApplicantStamp] = new("缺少申报单位公章", "在签章页申报单位意见处加盖公章后重新扫描。"),
        [FindingCodes.MissingRecommenderStamp] = new("缺少推荐单位公章", "在签章页推荐单位意见处加盖公章后重新扫描。"),
        [FindingCodes.MissingStampDate] = new("盖章缺少日期", "在公章旁填写盖章日期（年月日）。"),
        [FindingCodes.StampOrgMismatch] = new("公章单位与申报表不符", "加盖与申报表所填单位名称一致的公章。"),
        [FindingCodes.StampDateOutOfWindow] = new("盖章日期不在征集期内", "盖章日期应在 2026 年 3 月 12 日至 7 月 31 日之间。"),
        [FindingCodes.LowOcrConfidence] = new("扫描页识别置信度低", "重新清晰扫描签章页（不低于 300 dpi，不倾斜）。"),
        [FindingCodes.TypeMismatch] = new("内容与所选类型不符", "核对所选案例类型是否与案例内容相符。"),
        [FindingCodes.TypeUnsure] = new("类型无法确定", "在案例报告中写明案例的主要类型特征。"),
        [FindingCodes.PossibleDuplicate] = new("疑似重复", "说明与所列案例的区别，或撤回重复申报。"),
        [FindingCodes.MissingDocument] = new("缺少材料", "补交缺少的材料（申报表、案例报告、签章页）。"),
        [FindingCodes.UnsupportedFormFormat] = new("材料格式无法读取", "以可编辑的 .docx 格式（签章页为清晰的图片或 PDF）重新提交该文件。"),
        // Not produced yet (conversion of legacy formats is not built); named because the catalogue names it.
        ["converted_document"] = new("已转换格式", "以 .docx 格式提交申报表和案例报告。"),
        [FindingCodes.PackageUnreadable] = new("申报包无法读取", "重新打包并提交完整的申报材料。"),
        [FindingCodes.PluginFailed] = new("系统处理失败", "无需修改，由组织方重新处理。"),
        [FindingCodes.CompanyAsShortName] = new("以“公司”作简称", "不要以“公司”作为本单位简称，改用单位全称或规范简称。"),
        [FindingCodes.SecondPerson] = new("使用第二人称", "删去“您”“你”“你们”等称呼读者的表述，全文用第三人称。"),
        [FindingCodes.MissingSection] = new("缺少章节", "按附件2要求补齐“一、企业概况”“二、案例内容”等部分。"),
        [FindingCodes.NoPartnerDescribed] = new("未介绍合作单位", "简要介绍合作单位及其合作内容和方式。"),
        [FindingCodes.NoFiguresOrTables] = new("无图表", "适当加入图表，做到图文并茂。"),
        [FindingCodes.FormatTitle] = new("题目格式不符", "题目用黑体三号居中，单位名称行用楷体小三号居中。"),
        [FindingCodes.CompanyLineMismatch] = new("报告单位与申报表不符", "使案例报告题目下的单位名称与申报表的申报单位名称一致。"),
        [FindingCodes.IndicatorReportMismatch] = new("报告数据与申报表不符", "核对案例报告与申报表中同一指标、同一年度的数据，使两者一致。"),
        [FindingCodes.ImplementationUnderOneYear] = new("实施不满一年", "案例须在 2025 年 7 月及以前投入使用；请核实并写明投入使用时间。"),
        [FindingCodes.ImplementationDateUnknown] = new("未写明投入使用时间", "在案例报告中写明案例投入使用（上线、投运）的年月。"),
        [FindingCodes.RubricPointMissing] = new("评审要点未覆盖", "在案例报告中补充相应评审要点的内容。"),
        [FindingCodes.LateSubmission] = new("逾期申报", "征集已截止，逾期材料不予受理。"),
        [FindingCodes.SubmittedAtUnknown] = new("申报时间不明", "说明材料的报送时间（附报送记录）。"),
        [FindingCodes.RecommenderOverQuota] = new("超出推荐名额", "推荐单位在名额内确定推荐的案例，撤回超出名额的申报。"),
        [FindingCodes.RecommenderUnknown] = new("推荐单位不在名录中", "由征集通知所列的推荐单位推荐，或说明推荐单位的资格。"),
        [FindingCodes.DirectSubmission] = new("智工委委员单位直接申报", "无需修改。"),
    };
}
