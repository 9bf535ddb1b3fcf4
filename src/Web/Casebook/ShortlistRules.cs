using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Pages;

namespace CaseIngest.Web.Casebook;

/// <summary>Which cases an editor may put on the casebook shortlist: only what passed the compliance review — a case a
/// person judged 合规 — and, once experts evaluate (any expert configured), only what an admin marked 入选 after the
/// evaluation. A rejected, returned or undecided case is refused with the reason; taking a case off is always allowed.</summary>
internal sealed class ShortlistRules(ExpertDirectory experts)
{
    /// <summary>Why the case cannot be shortlisted, or null when it can.</summary>
    public string? Refusal(CaseRecord record)
    {
        if (experts.All.Count > 0)
        {
            return record.Review?.Selected is not null ? null : "专家评审后由管理员标为“入选”的案例才能加入候选清单，此案例尚未入选。";
        }

        var state = ReviewRules.StateOf(record);
        return state == ReviewState.Compliant
            ? null
            : $"经合规性审查判为“合规”的案例才能加入候选清单，此案例目前为“{ReviewLabels.State(state)}”。";
    }
}
