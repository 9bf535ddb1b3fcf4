using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Pages;

/// <summary>The case page's 二级指标 card: per dimension, each point covered or not, its evidence passages as links to
/// the paragraph in the report view, and P1's before/after figures. Experts' score sheets show the same evidence.</summary>
internal static class CoverageSection
{
    public static void Append(StringBuilder html, CaseRecord record)
    {
        var evaluation = record.Evaluation;
        html.Append("<section class=\"card\" id=\"coverage\"><h2>二级指标</h2>");
        if (evaluation is null || evaluation.Coverage.Count == 0)
        {
            html.Append("<p class=\"meta\">尚未分析报告对二级指标的覆盖（报告无法读取，或处理时未启用覆盖分析）。</p></section>");
            return;
        }

        var covered = evaluation.Coverage.Values.Count(c => c.Covered);
        html.Append("<p class=\"meta\" id=\"coverage-summary\">依据").Append(Html.E(RubricName(evaluation.Rubric))).Append("：报告覆盖 ")
            .Append(covered).Append(" / ").Append(evaluation.Coverage.Count).Append(" 项二级指标。点击引文跳到报告中的段落。</p>");
        foreach (var dimension in evaluation.Dimensions)
        {
            html.Append("<h3>").Append(Html.E(dimension.Name)).Append("</h3><table><tbody>");
            foreach (var (id, point) in evaluation.Coverage.Where(c => c.Value.Dimension == dimension.Id))
            {
                AppendPoint(html, record.SubmissionId, id, point);
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    /// <summary>One point's row: name, state, evidence links (the nearest passages when not covered).</summary>
    public static void AppendPoint(StringBuilder html, string submissionId, string id, PointCoverage point)
    {
        html.Append("<tr data-point=\"").Append(Html.E(id)).Append("\" class=\"").Append(point.Covered ? "covered" : "missing").Append("\"><th>")
            .Append(Html.E(id)).Append(' ').Append(Html.E(point.Name)).Append("</th><td>")
            .Append(point.Covered ? "已覆盖" : "未见").Append("</td><td>");
        AppendEvidence(html, submissionId, point);
        html.Append("</td></tr>");
    }

    /// <summary>A point's evidence passages as links to their paragraphs (<paramref name="newTab"/>: opened in a tab of
    /// their own, so that a form beside them keeps what was typed), and P1's figures.</summary>
    public static void AppendEvidence(StringBuilder html, string submissionId, PointCoverage point, bool newTab = false)
    {
        if (point.Evidence.Count > 0)
        {
            if (!point.Covered)
            {
                html.Append("<p class=\"meta\">最接近的段落：</p>");
            }

            html.Append("<ol>");
            foreach (var evidence in point.Evidence)
            {
                html.Append("<li><a class=\"evidence\" href=\"/cases/").Append(Html.Url(submissionId)).Append("/report#p-")
                    .Append(evidence.Paragraph.ToString(CultureInfo.InvariantCulture)).Append(newTab ? "\" target=\"_blank\" rel=\"noopener\">“" : "\">“").Append(Html.E(evidence.Quote)).Append("”</a> <span class=\"signals\">")
                    .Append(Html.E(evidence.Section)).Append(" · 第 ").Append(evidence.Paragraph + 1).Append(" 段 · 关键词：")
                    .Append(Html.E(string.Join("、", evidence.Signals))).Append("</span></li>");
            }

            html.Append("</ol>");
        }

        if (point.Figures is { Count: > 0 } figures)
        {
            html.Append("<table class=\"figures\"><thead><tr><th>指标</th><th>实施前</th><th>实施后</th></tr></thead><tbody>");
            foreach (var figure in figures)
            {
                html.Append("<tr><td><a href=\"/cases/").Append(Html.Url(submissionId)).Append("/report#p-").Append(figure.Paragraph.ToString(CultureInfo.InvariantCulture))
                    .Append("\">").Append(Html.E(figure.Metric)).Append("</a></td><td>").Append(Html.E(figure.Before)).Append(Html.E(figure.BeforeUnit ?? figure.Unit))
                    .Append("</td><td>").Append(Html.E(figure.After)).Append(Html.E(figure.Unit)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }
    }

    /// <summary>The rubric as a reader names it: "edition-8" is 第8届评审要点 (the code is the configuration's, not a word).</summary>
    private static string RubricName(string? rubric) =>
        rubric is { Length: > 8 } r && r.StartsWith("edition-", StringComparison.Ordinal)
            && int.TryParse(r.AsSpan(8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var edition)
            ? $"第{edition}届评审要点" : rubric ?? "评审要点";
}
