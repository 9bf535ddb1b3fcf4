using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Exports;
using CaseIngest.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Pages;

/// <summary>The top of the case page: each finding with its evidence and the decision controls beside it, the package's
/// decision, "保存并下一个" through the queue (no script: the button has the focus and Alt+S, Enter in a reason field
/// submits), reopening for admins, the versions and the audit trail.</summary>
internal static class CaseReviewSection
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapPost("/cases/{id}/review", async (HttpContext http, string id, ComplianceReviewService reviews, CaseReviewService cases,
            ReviewQueue queue, PageLayout layout, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var findings = new List<FindingDecisionInput>();
            for (var i = 0; form.ContainsKey($"f{i}.code"); i++)
            {
                if (Enum.TryParse<FindingOutcome>(form[$"f{i}"], ignoreCase: true, out var decision))
                {
                    findings.Add(new FindingDecisionInput(form[$"f{i}.code"]!, form[$"f{i}.evidence"], decision, form[$"f{i}.reason"]));
                }
            }

            PackageDecisionInput? package = form["outcome"].ToString() switch
            {
                "compliant" => new(PackageOutcome.Compliant, form["reason"]),
                "non_compliant" => new(PackageOutcome.NonCompliant, form["reason"]),
                "returned" => new(PackageOutcome.Returned, form["reason"]),
                _ => null,
            };
            var revision = long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : (long?)null;
            var outcome = await reviews.DecideAsync(id, findings, package, http.User, revision, ct);
            // The type shown beside the decision is confirmed with it: one save for the whole case. Only a person with the
            // right to confirm types, and only when it is not confirmed as that type already.
            if (outcome.Record is { } decided && !outcome.Conflict && package is not null && form["confirmedType"].ToString() is { Length: > 0 } type
                && decided.Review?.ConfirmedType != type && PageLayout.InRole(http.User, Policies.ConfirmType))
            {
                var typed = await cases.ConfirmTypeAsync(id, type, http.User, ct);
                outcome = typed.Record is null ? typed : outcome with { Record = typed.Record };
            }

            var filter = ReviewQueuePage.Filter(form);
            if (outcome.Record is not null && !outcome.Conflict && form["after"] == "next")
            {
                var next = await queue.NextAsync(filter, id, http.User.IsInRole(Roles.Admin), ct);
                return Results.Redirect(next is null ? "/review" + Html.Query([.. filter.Pairs(), ("done", "1")]) : ReviewQueuePage.CaseLink(next, filter));
            }

            return Answer(http, layout, id, outcome);
        }).RequireAuthorization(Policies.ReviewDecide);

        pages.MapPost("/cases/{id}/review/reopen", async (HttpContext http, string id, ComplianceReviewService reviews, PageLayout layout,
            CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var revision = long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : (long?)null;
            return Answer(http, layout, id, await reviews.ReopenAsync(id, form["reason"], http.User, revision, ct));
        }).RequireAuthorization(Policies.ReviewAdmin);
    }

    private static IResult Answer(HttpContext http, PageLayout layout, string id, ReviewOutcome outcome) => outcome switch
    {
        { Missing: true } => layout.Render(http, "案例不存在", $"<section class=\"card\"><h1>案例 {Html.E(id)} 不存在</h1></section>", 404),
        { Conflict: true } => layout.Render(http, "修改冲突", $"<section class=\"card\" id=\"conflict\"><h1>未保存：修改冲突</h1><p class=\"error\">{Html.E(outcome.Error)}</p>"
            + $"<p><a href=\"/cases/{Html.Url(id)}#review\">查看最新内容</a></p></section>", 409),
        { Error: { } error } => layout.Render(http, "无法保存", $"<section class=\"card\"><h1>无法保存</h1><p class=\"error\" id=\"review-error\">{Html.E(error)}</p>"
            + $"<p><a href=\"/cases/{Html.Url(id)}#review\">返回案例</a></p></section>", 400),
        _ => Results.Redirect($"/cases/{Html.Url(id)}?saved=1#review"),
    };

    public static void Append(StringBuilder html, HttpContext http, PageLayout layout, CaseRecord record, IReadOnlyList<AuditEvent> trail,
        IReadOnlyList<PackageVersionSummary> versions, ReviewOptions options, DateTimeOffset now)
    {
        var review = record.Review ?? new ReviewSection();
        var state = ReviewRules.StateOf(record);
        var mayDecide = PageLayout.InRole(http.User, Policies.ReviewDecide) && (review.Decision is null || http.User.IsInRole(Roles.Admin));
        var fromQueue = http.Request.Query["from"] == "queue";
        var filter = ReviewQueuePage.Filter(http.Request.Query);

        html.Append("<section class=\"card review\" id=\"review\"><h2>合规性审查 <span class=\"badge s-").Append(CaseRecordJson.Name(state))
            .Append("\" id=\"review-state\">").Append(ReviewLabels.State(state)).Append("</span></h2>");
        if (review.Decision is { } decision)
        {
            html.Append("<p id=\"decision\">结论：<b>").Append(ReviewLabels.Outcome(decision.Outcome)).Append("</b>")
                .Append(decision.Reason is { } reason ? "（" + Html.E(reason) + "）" : "").Append(" · ").Append(Html.E(decision.By)).Append(' ')
                .Append(Html.E(Time(decision.At))).Append("</p>");
        }
        else
        {
            html.Append("<p id=\"decision\">尚待决定：系统结论（不计已驳回的问题）为“").Append(ExportLabels.Verdict(ReviewRules.EffectiveVerdict(record))).Append("”。</p>");
        }

        html.Append("<form method=\"post\" action=\"/cases/").Append(Html.Url(record.SubmissionId)).Append("/review\" id=\"review-form\">")
            .Append(layout.AntiforgeryField(http))
            .Append("<input type=\"hidden\" name=\"revision\" value=\"").Append(review.Revision).Append("\">");
        ReviewQueuePage.AppendQueueFields(html, filter);
        html.Append(mayDecide ? "<fieldset class=\"plain\">" : "<fieldset class=\"plain\" disabled>");
        var decidable = record.Findings.Where(f => f.Severity != Severity.Info).ToList();
        html.Append("<ol class=\"review-findings\">");
        for (var i = 0; i < decidable.Count; i++)
        {
            var finding = decidable[i];
            var current = ReviewRules.DecisionFor(finding, review);
            html.Append("<li class=\"sev-").Append(CaseRecordJson.Name(finding.Severity)).Append("\" data-code=\"").Append(Html.E(finding.Code)).Append("\">")
                .Append("<div><span class=\"badge\">").Append(ExportLabels.Severity(finding.Severity)).Append("</span> <b>")
                .Append(Html.E(ExportLabels.Finding(finding.Code))).Append("</b> ").Append(Html.E(finding.Message))
                .Append("<br><span class=\"evidence\">证据：").Append(Html.E(finding.Evidence)).Append("</span>")
                .Append(finding.Location?.File is { } file ? $" <span class=\"meta\">{Html.E(file)} {Html.E(finding.Location.Section)}</span>" : "")
                .Append("</div><div class=\"controls\">")
                .Append("<input type=\"hidden\" name=\"f").Append(i).Append(".code\" value=\"").Append(Html.E(finding.Code)).Append("\">")
                .Append("<input type=\"hidden\" name=\"f").Append(i).Append(".evidence\" value=\"").Append(Html.E(finding.Evidence)).Append("\">")
                .Append(Radio($"f{i}", "upheld", "成立", current?.Decision == FindingOutcome.Upheld, enabled: true))
                .Append(Radio($"f{i}", "dismissed", "不成立（驳回）", current?.Decision == FindingOutcome.Dismissed, ReviewRules.CanBeDismissed(finding.Code)))
                .Append("<input name=\"f").Append(i).Append(".reason\" aria-label=\"理由\" placeholder=\"理由（驳回必填）\" value=\"").Append(Html.E(current?.Reason)).Append("\">");
            if (current is not null)
            {
                html.Append("<span class=\"meta decided\">").Append(Html.E(current.By)).Append(' ').Append(Html.E(Time(current.At))).Append("</span>");
            }

            html.Append("</div></li>");
        }

        html.Append("</ol>");
        if (decidable.Count == 0)
        {
            html.Append("<p id=\"no-findings\">系统没有发现需要人工决定的问题。</p>");
        }

        AppendNotes(html, record);
        // The proposal is preselected: accepted → 合规, rejected → 不合规 with its errors as the reason; one key saves it.
        var proposed = review.Decision?.Outcome ?? state switch
        {
            ReviewState.Accepted => PackageOutcome.Compliant,
            ReviewState.Rejected => PackageOutcome.NonCompliant,
            _ => (PackageOutcome?)null,
        };
        var proposedReason = review.Decision?.Reason ?? (state == ReviewState.Rejected
            ? string.Join("；", ReviewRules.StandingFindings(record).Where(f => f.Severity == Severity.Error).Select(f => f.Message)) : null);
        var mayReturn = now < options.CallClosesAt;
        if (PageLayout.InRole(http.User, Policies.ConfirmType))
        {
            // The type goes with the decision (confirmed on save), so a case whose type is right takes one key.
            var currentType = review.ConfirmedType ?? CaseFacts.EffectiveType(record);
            html.Append("<p class=\"outcome-type\"><label>案例类型（随结论一并确认） <select name=\"confirmedType\" id=\"decision-type\">");
            foreach (var type in CaseTypes.All)
            {
                html.Append("<option").Append(type == currentType ? " selected" : "").Append('>').Append(Html.E(type)).Append("</option>");
            }

            html.Append("</select></label>").Append(review.ConfirmedType is null ? " <span class=\"meta\">系统判断，尚未确认</span>" : "").Append("</p>");
        }
        html.Append("<div class=\"outcome\" role=\"radiogroup\" aria-label=\"结论\"><b>结论：</b>")
            .Append(Radio("outcome", "compliant", "合规", proposed == PackageOutcome.Compliant, enabled: true))
            .Append(Radio("outcome", "non_compliant", "不合规", proposed == PackageOutcome.NonCompliant, enabled: true))
            .Append(Radio("outcome", "returned", mayReturn ? "退回补正" : "退回补正（已截止）", proposed == PackageOutcome.Returned, mayReturn))
            .Append("<input name=\"reason\" id=\"reason\" aria-label=\"结论理由\" placeholder=\"理由（不合规、退回必填）\" value=\"").Append(Html.E(proposedReason)).Append("\"></div>");

        if (mayDecide)
        {
            html.Append("<p class=\"actions\"><button type=\"submit\" name=\"after\" value=\"next\" id=\"save-next\" accesskey=\"s\"")
                .Append(fromQueue && proposed is not null ? " autofocus" : "").Append(">保存并下一个（Alt+S）</button> ")
                .Append("<button type=\"submit\" name=\"after\" value=\"stay\" id=\"save\">保存</button></p>");
        }

        html.Append("</fieldset></form>");
        if (review.Decision is not null && PageLayout.InRole(http.User, Policies.ReviewAdmin))
        {
            html.Append("<form method=\"post\" action=\"/cases/").Append(Html.Url(record.SubmissionId)).Append("/review/reopen\" id=\"reopen-form\">")
                .Append(layout.AntiforgeryField(http)).Append("<input type=\"hidden\" name=\"revision\" value=\"").Append(review.Revision).Append("\">")
                .Append("<input name=\"reason\" aria-label=\"重新打开的理由\" placeholder=\"重新打开的理由\" required> <button type=\"submit\" id=\"reopen\">重新打开</button>");
            if (CorrectionNotice.Applies(record))
            {
                html.Append(" <a id=\"notice\" href=\"/api/cases/").Append(Html.Url(record.SubmissionId)).Append("/notice.docx\">补正通知（.docx）</a>");
            }

            html.Append("</form>");
        }

        AppendVersions(html, versions);
        AppendTrail(html, trail);
        html.Append("</section>");
    }

    /// <summary>The info findings: noted, nothing to decide (a converted file, an uncovered rubric point), folded.</summary>
    private static void AppendNotes(StringBuilder html, CaseRecord record)
    {
        var notes = record.Findings.Where(f => f.Severity == Severity.Info).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        html.Append("<details id=\"notes\"><summary>提示 ").Append(notes.Count).Append(" 条（仅供参考，无需决定）</summary><ul class=\"notes\">");
        foreach (var note in notes)
        {
            html.Append("<li data-code=\"").Append(Html.E(note.Code)).Append("\"><b>").Append(Html.E(ExportLabels.Finding(note.Code))).Append("</b> ")
                .Append(Html.E(note.Message));
            if (!string.IsNullOrEmpty(note.Evidence) && note.Evidence != note.Message)
            {
                html.Append(" <span class=\"evidence\">").Append(Html.E(note.Evidence)).Append("</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></details>");
    }

    private static void AppendVersions(StringBuilder html, IReadOnlyList<PackageVersionSummary> versions)
    {
        if (versions.Count < 2)
        {
            return;
        }

        html.Append("<details id=\"versions\" open><summary>材料版本（").Append(versions.Count).Append("）</summary><ol class=\"versions\">");
        foreach (var v in versions.Reverse())
        {
            html.Append("<li data-version=\"").Append(v.Version).Append("\"><b>第 ").Append(v.Version).Append(" 版</b> · ")
                .Append(Html.E(Time(v.SubmittedAt))).Append(" · ").Append(ExportLabels.Verdict(v.Verdict))
                .Append(" <span class=\"meta\">").Append(Html.E(v.PackageSha256?[..Math.Min(12, v.PackageSha256.Length)])).Append("</span>");
            AppendChanges(html, "gone", "已改正", v.FindingsGone);
            if (v.Version > 1)
            {
                AppendChanges(html, "added", "新出现", v.FindingsAdded);
            }

            html.Append("</li>");
        }

        html.Append("</ol></details>");
    }

    private static void AppendChanges(StringBuilder html, string kind, string label, IReadOnlyList<VersionFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"changes ").Append(kind).Append("\">");
        foreach (var finding in findings)
        {
            html.Append("<li data-code=\"").Append(Html.E(finding.Code)).Append("\">").Append(label).Append("：<b>")
                .Append(Html.E(ExportLabels.Finding(finding.Code))).Append("</b> <span class=\"evidence\">").Append(Html.E(finding.Evidence)).Append("</span></li>");
        }

        html.Append("</ul>");
    }

    private static void AppendTrail(StringBuilder html, IReadOnlyList<AuditEvent> trail)
    {
        html.Append("<details id=\"audit\"><summary>审查记录（").Append(trail.Count).Append("）</summary><table><thead><tr><th>时间</th><th>人</th><th>角色</th>")
            .Append("<th>操作</th><th>对象</th><th>修改前</th><th>修改后</th></tr></thead><tbody>");
        foreach (var e in trail.Reverse())
        {
            html.Append("<tr><td>").Append(Html.E(Time(e.At))).Append("</td><td>").Append(Html.E(e.Actor)).Append("</td><td>").Append(Html.E(PageLayout.RoleName(e.Role)))
                .Append("</td><td data-action=\"").Append(Html.E(e.What)).Append("\">").Append(Html.E(ReviewLabels.Action(e.What))).Append("</td><td>").Append(Html.E(e.Subject)).Append("</td><td>").Append(Html.E(e.Before))
                .Append("</td><td>").Append(Html.E(e.After)).Append("</td></tr>");
        }

        html.Append("</tbody></table></details>");
    }

    private static string Radio(string name, string value, string label, bool selected, bool enabled) =>
        $"<label><input type=\"radio\" name=\"{name}\" value=\"{value}\"{(selected ? " checked" : "")}{(enabled ? "" : " disabled")}> {label}</label> ";

    private static string Time(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
