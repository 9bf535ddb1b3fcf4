using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Exports;

/// <summary>Chinese names of verdicts, severities and finding codes, shared by pages and exports.</summary>
internal static class ExportLabels
{
    public static string Verdict(Verdict verdict) => Verdict(CaseRecordJson.Name(verdict));

    public static string Verdict(string code) => code switch
    {
        "accepted" => "通过",
        "needs_review" => "需人工复核",
        "rejected" => "不合规",
        "failed" => "处理失败",
        _ => code,
    };

    public static string Severity(Severity severity) => severity switch
    {
        Abstractions.Records.Severity.Error => "错误",
        Abstractions.Records.Severity.Warning => "警告",
        _ => "提示",
    };

    public static string Finding(string code) => FindingNames.TryGetValue(code, out var name) ? name : code;

    private static readonly Dictionary<string, string> FindingNames = new()
    {
        [FindingCodes.TitleTooLong] = "案例名称超过 20 字",
        [FindingCodes.TitleHasCompanyName] = "案例名称含企业名称",
        [FindingCodes.TitleHasAbbreviation] = "案例名称含字母缩写",
        [FindingCodes.CaseNameMismatch] = "申报表与报告名称不一致",
        [FindingCodes.TooShort] = "正文不足 4000 字",
        [FindingCodes.TooLong] = "正文超过 6000 字",
        [FindingCodes.OverviewTooLong] = "企业概况超过 300 字",
        [FindingCodes.ContentTooLong] = "案例内容超过 5000 字",
        [FindingCodes.PerformanceTooLong] = "绩效表现超过 1000 字",
        [FindingCodes.MissingDimension] = "缺少维度",
        [FindingCodes.NoToc] = "缺少目录",
        [FindingCodes.FirstPerson] = "使用第一人称",
        [FindingCodes.HeadingDepth4] = "标题超过三级",
        [FindingCodes.FormatBody] = "正文格式不符",
        [FindingCodes.FormatHeadings] = "标题格式不符",
        [FindingCodes.FormatPage] = "页面格式不符",
        [FindingCodes.FormatRulesSkipped] = "未检查格式",
        [FindingCodes.TypeNotTicked] = "未勾选案例类型",
        [FindingCodes.MultipleTypesTicked] = "勾选多个案例类型",
        [FindingCodes.MissingField] = "申报表必填项为空",
        [FindingCodes.InvalidContact] = "联系方式有误",
        [FindingCodes.CreatorsCount] = "创造人人数不符",
        [FindingCodes.IndicatorInconsistent] = "指标不一致",
        [FindingCodes.MissingApplicantStamp] = "缺少申报单位公章",
        [FindingCodes.MissingRecommenderStamp] = "缺少推荐单位公章",
        [FindingCodes.MissingStampDate] = "盖章缺少日期",
        [FindingCodes.StampOrgMismatch] = "公章单位与申报表不符",
        [FindingCodes.StampDateOutOfWindow] = "盖章日期不在征集期内",
        [FindingCodes.LowOcrConfidence] = "扫描页识别置信度低",
        [FindingCodes.TypeMismatch] = "内容与所选类型不符",
        [FindingCodes.TypeUnsure] = "类型无法确定",
        [FindingCodes.PossibleDuplicate] = "疑似重复",
        [FindingCodes.MissingDocument] = "缺少材料",
        [FindingCodes.UnsupportedFormFormat] = "材料格式无法读取",
        [FindingCodes.PackageUnreadable] = "申报包无法读取",
        [FindingCodes.PluginFailed] = "插件处理失败",
    };
}
