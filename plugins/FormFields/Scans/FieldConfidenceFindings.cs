using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.FormFields.Scans;

/// <summary>low_ocr_confidence for each field of a scanned form read less surely than the threshold, naming the field
/// and the file: where a person should read the scan rather than trust the record.</summary>
internal static class FieldConfidenceFindings
{
    public static void Add(SubmissionContext context, PackageFile file, IReadOnlyDictionary<string, double> confidence, double threshold)
    {
        foreach (var (path, value) in confidence.Where(f => f.Value < threshold).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            context.AddFinding(FindingCodes.LowOcrConfidence,
                $"申报表扫描件“{file.Name}”中“{Label(path)}”识别置信度偏低，请人工核对",
                $"{path}: {value.ToString("0.00", CultureInfo.InvariantCulture)}",
                new FindingLocation { File = file.Name, Section = "申报表" }, Math.Round(value, 3), threshold);
        }
    }

    /// <summary>The form's own words for a field path (<c>indicators.主营业务收入[1]</c> → 主营业务收入（2025 年）).</summary>
    private static string Label(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var tail = dot < 0 ? "" : path[(dot + 1)..];
        var part = tail switch
        {
            "name" => "姓名",
            "title" => "职务",
            "rank" => "职称",
            "phone" => "电话",
            "email" => "电子邮箱",
            _ => tail,
        };
        return head switch
        {
            "caseName" => "案例名称",
            "applicant" => "申报单位名称",
            "recommender" => "推荐单位",
            "declaredTypes" => "案例类型",
            "applicantOpinion" => "申报单位意见",
            "recommenderOpinion" => "推荐单位意见",
            "applicantContact" => "申报单位联系人" + part,
            "recommenderContact" => "推荐单位联系人" + part,
            "indicators" => tail.EndsWith("[0]", StringComparison.Ordinal) ? $"{tail[..^3]}（2024 年）" : $"{tail[..^3]}（2025 年）",
            _ when head.StartsWith("creators[", StringComparison.Ordinal) =>
                $"创造人{int.Parse(head[9..^1], CultureInfo.InvariantCulture) + 1} {part}",
            _ => path,
        };
    }
}
