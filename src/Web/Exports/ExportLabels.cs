using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Exports;

/// <summary>Chinese names of verdicts, severities and finding codes, shared by pages and exports. The machine's verdicts
/// say they are the system's ("系统判…"), so that "合规/不合规" always means a person's decision: one name per verdict
/// on every page and in every export.</summary>
internal static class ExportLabels
{
    public static string Verdict(Verdict verdict) => Verdict(CaseRecordJson.Name(verdict));

    public static string Verdict(string code) => code switch
    {
        "accepted" => "系统判通过",
        "needs_review" => "需人工复核",
        "rejected" => "系统判不合规",
        "failed" => "处理失败",
        _ => code,
    };

    public static string Severity(Severity severity) => severity switch
    {
        Abstractions.Records.Severity.Error => "错误",
        Abstractions.Records.Severity.Warning => "警告",
        _ => "提示",
    };

    /// <summary>The finding code's Chinese name (<see cref="FindingLabels"/>).</summary>
    public static string Finding(string code) => FindingLabels.Name(code);

    /// <summary>A mean, spread or total as people read it: up to two decimals, "—" when there is none.</summary>
    public static string Number(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
