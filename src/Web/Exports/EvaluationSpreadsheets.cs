using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Evaluation;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using MiniExcelLibs;

namespace CaseIngest.Web.Exports;

/// <summary>The evaluation as .xlsx: every expert's score sheet (a sheet per expert, a row per case and 二级指标), and
/// the ranking (a sheet per type). No contacts.</summary>
internal static class EvaluationSpreadsheets
{
    public static async Task WriteSheetsAsync(Stream output, IReadOnlyList<EvaluatedCase> cases, CancellationToken cancellationToken)
    {
        var sheets = new SortedDictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var rubric = c.Record.Evaluation;
            var scores = c.Record.Review?.Evaluation?.Scores ?? [];
            foreach (var expert in c.AssignedTo)
            {
                var rows = sheets.TryGetValue(expert, out var list) ? list : sheets[expert] = [];
                foreach (var (point, coverage) in rubric?.Coverage ?? new Dictionary<string, PointCoverage>())
                {
                    var cell = EvaluationEdits.Cell(scores, expert, point);
                    rows.Add(new Dictionary<string, object?>
                    {
                        ["编号"] = c.Record.SubmissionId,
                        ["案例名称"] = CaseFacts.Title(c.Record),
                        ["案例类型"] = c.Type,
                        ["一级指标"] = rubric!.Dimensions.FirstOrDefault(d => d.Id == coverage.Dimension)?.Name,
                        ["二级指标"] = $"{point} {coverage.Name}",
                        ["评价"] = cell?.Score,
                        ["意见"] = cell?.Note,
                        ["已提交"] = c.Submitted.Contains(expert) ? "是" : "否",
                    });
                }
            }
        }

        var book = sheets.ToDictionary(s => SheetName(s.Key), s => (object)SpreadsheetCells.Neutralise(s.Value), StringComparer.Ordinal);
        if (book.Count == 0)
        {
            book["评分表"] = SpreadsheetCells.Neutralise([new Dictionary<string, object?> { ["编号"] = "（无）" }]);
        }

        await output.SaveAsAsync(book, cancellationToken: cancellationToken);
    }

    public static async Task WriteRankingAsync(Stream output, IReadOnlyList<TypeRanking> ranking, CancellationToken cancellationToken)
    {
        var book = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var type in ranking)
        {
            var rank = 0;
            book[SheetName(type.Type)] = SpreadsheetCells.Neutralise([.. type.Cases.Select(c =>
            {
                var row = new Dictionary<string, object?>
                {
                    ["名次"] = ++rank,
                    ["编号"] = c.Record.SubmissionId,
                    ["案例名称"] = CaseFacts.Title(c.Record),
                    ["申报单位"] = c.Record.Form?.Applicant,
                    ["推荐单位"] = c.Record.Form?.Recommender ?? c.Record.Recommender,
                    ["综合评价"] = c.Result!.Total,
                };
                foreach (var dimension in c.Result.Dimensions)
                {
                    row[dimension.Name] = dimension.Mean;
                }

                row["专家数"] = c.Submitted.Count;
                row["需讨论的二级指标"] = string.Join("、", c.Result.Disputed.Select(p => p.Point));
                row["入选"] = c.Selected ? "是" : "否";
                return row;
            })]);
        }

        if (book.Count == 0)
        {
            book["排名"] = SpreadsheetCells.Neutralise([new Dictionary<string, object?> { ["名次"] = null, ["编号"] = "（无）" }]);
        }

        await output.SaveAsAsync(book, cancellationToken: cancellationToken);
    }

    // Sheet names: at most 31 characters, none of []:*?/\.
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')));
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
