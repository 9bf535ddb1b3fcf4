using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using MiniExcelLibs;

namespace CaseIngest.Web.Review;

/// <summary>The final lists of the compliance review as one .xlsx: a 合规名单 sheet per type (for the experts), the
/// returned and the non-compliant ones with reasons and upheld findings, and the undecided apart (they count in no list).
/// No contacts.</summary>
public static class FinalLists
{
    /// <summary>The sheet of the undecided packages.</summary>
    public const string UndecidedSheet = "待决定";

    public const string ReturnedSheet = "退回补正";

    public const string NonCompliantSheet = "不合规";

    /// <summary>The 合规名单 sheet of a type (sheet names may not hold "/").</summary>
    public static string CompliantSheet(string? type) => "合规名单-" + (type ?? "未定类型").Replace("/", "", StringComparison.Ordinal);

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        var compliant = new SortedDictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        var returned = new List<Dictionary<string, object?>>();
        var nonCompliant = new List<Dictionary<string, object?>>();
        var undecided = new List<Dictionary<string, object?>>();
        await foreach (var r in records.WithCancellation(cancellationToken))
        {
            var decision = r.Review?.Decision;
            var row = new Dictionary<string, object?>
            {
                ["编号"] = r.SubmissionId,
                ["版本"] = r.PackageVersion,
                ["案例名称"] = CaseFacts.Title(r),
                ["申报单位"] = r.Form?.Applicant,
                ["推荐单位"] = r.Form?.Recommender ?? r.Recommender,
                ["案例类型"] = CaseFacts.EffectiveType(r),
            };
            switch (decision?.Outcome)
            {
                case PackageOutcome.Compliant:
                    AddDecider(row, decision);
                    var sheet = CompliantSheet(CaseFacts.EffectiveType(r));
                    (compliant.TryGetValue(sheet, out var list) ? list : compliant[sheet] = []).Add(row);
                    break;
                case PackageOutcome.Returned or PackageOutcome.NonCompliant:
                    row["理由"] = decision.Reason;
                    row["成立的问题"] = string.Join("；", UpheldFindings(r).Select(f => f.Message));
                    AddDecider(row, decision);
                    (decision.Outcome == PackageOutcome.Returned ? returned : nonCompliant).Add(row);
                    break;
                default:
                    row["系统结论"] = ExportLabels.Verdict(ReviewRules.EffectiveVerdict(r));
                    row["待决问题"] = string.Join("；", ReviewRules.StandingFindings(r).Where(f => f.Severity != Severity.Info).Select(f => f.Message));
                    undecided.Add(row);
                    break;
            }
        }

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in compliant)
        {
            sheets[name] = Numbered(rows);
        }

        sheets[ReturnedSheet] = Numbered(returned);
        sheets[NonCompliantSheet] = Numbered(nonCompliant);
        sheets[UndecidedSheet] = Numbered(undecided);
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
    }

    /// <summary>The findings a person upheld that still stand on the record (what a notice lists).</summary>
    public static IReadOnlyList<Finding> UpheldFindings(CaseRecord record) =>
        [.. record.Findings.Where(f => ReviewRules.DecisionFor(f, record.Review)?.Decision == FindingOutcome.Upheld)];

    private static void AddDecider(Dictionary<string, object?> row, PackageDecision decision)
    {
        row["决定人"] = decision.By;
        row["决定时间"] = decision.At?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static List<Dictionary<string, object?>> Numbered(List<Dictionary<string, object?>> rows)
    {
        var ordered = rows.OrderBy(r => (string)r["编号"]!, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = new Dictionary<string, object?> { ["序号"] = i + 1 }.Concat(ordered[i]).ToDictionary(p => p.Key, p => p.Value);
        }

        // An empty sheet still names its columns, so a list with nobody on it reads as such.
        return SpreadsheetCells.Neutralise(ordered.Count > 0 ? ordered : [new Dictionary<string, object?> { ["序号"] = null, ["编号"] = "（无）" }]);
    }
}
