using System.Runtime.CompilerServices;
using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Evaluation;
using Microsoft.AspNetCore.Http;

namespace CaseIngest.Web.Cases;

/// <summary>The index as the signed-in user may see it: every page, API answer and export reads cases through this, so
/// contacts are removed (<see cref="ContactRedaction"/>) in one place, where records leave the server, and not per page.
/// Outside a request (no user) everything is redacted. An expert sees only the cases assigned to them (never one of
/// their own unit), nobody else's scores, and no search: they work from their list. Writes go through
/// <see cref="ICaseRepository"/>, never with what this returns.</summary>
internal sealed class VisibleCases(ISearchIndex index, IHttpContextAccessor http, ExpertDirectory experts)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    private bool Redacts => !ContactRedaction.MaySeeContacts(User);

    /// <summary>The signed-in expert, or null for every other role.</summary>
    private ExpertProfile? Expert => User.IsInRole(Roles.Expert) ? experts.Find(User.Identity?.Name ?? "") : null;

    /// <summary>Whether the signed-in user sees contacts (the session API says so).</summary>
    public bool SeesContacts => !Redacts;

    public async Task<CaseRecord?> GetAsync(string submissionId, CancellationToken cancellationToken) =>
        await index.GetAsync(submissionId, cancellationToken) is { } record && MaySee(record) ? Visible(record) : null;

    public async IAsyncEnumerable<CaseRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in index.ReadAllAsync(cancellationToken))
        {
            if (MaySee(record))
            {
                yield return Visible(record);
            }
        }
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (Expert is not null)
        {
            return new SearchResult();
        }

        var result = await index.SearchAsync(query, cancellationToken);
        return Redacts
            ? new SearchResult { Total = result.Total, Facets = result.Facets, Hits = await RedactAsync(result.Hits, cancellationToken) }
            : result;
    }

    public async Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(string submissionId, int count, CancellationToken cancellationToken)
    {
        if (Expert is not null)
        {
            return [];
        }

        var hits = await index.MoreLikeThisAsync(submissionId, count, cancellationToken);
        return Redacts ? await RedactAsync(hits, cancellationToken) : hits;
    }

    // Snippets come from the indexed text, finding messages included: each hit's own contact values are hidden too.
    private async Task<IReadOnlyList<SearchHit>> RedactAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var redacted = new List<SearchHit>(hits.Count);
        foreach (var hit in hits)
        {
            var known = ContactRedaction.KnownValues(await index.GetAsync(hit.SubmissionId, cancellationToken));
            redacted.Add(ContactRedaction.Redact(hit, known));
        }

        return redacted;
    }

    /// <summary>A case's audit trail as the user may see it: what people wrote into it (reasons, notes, evidence) without
    /// contacts.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(IAuditStore audit, string submissionId, CancellationToken cancellationToken)
    {
        if (Expert is not null && await GetAsync(submissionId, cancellationToken) is null)
        {
            return [];
        }

        var events = await audit.ListAsync(submissionId, cancellationToken);
        if (Expert is { } expert)
        {
            // Experts score independently: another expert's scores and notes are not theirs to read.
            events = [.. events.Where(e => !e.What.StartsWith("evaluation.", StringComparison.Ordinal) || e.Actor == expert.Name)];
        }

        if (!Redacts)
        {
            return events;
        }

        var known = ContactRedaction.KnownValues(await index.GetAsync(submissionId, cancellationToken));
        return [.. events.Select(e => e with
        {
            Subject = ContactRedaction.RedactText(e.Subject, known),
            Before = ContactRedaction.RedactText(e.Before, known),
            After = ContactRedaction.RedactText(e.After, known),
        })];
    }

    /// <summary>A record as the user may see it (for records that come from elsewhere than the index, such as the history).</summary>
    public CaseRecord Visible(CaseRecord record)
    {
        var visible = Redacts ? ContactRedaction.Redact(record) : record;
        if (Expert is { } expert && visible.Review?.Evaluation is { } evaluation)
        {
            evaluation.Scores.RemoveAll(s => s.Expert != expert.Name);
        }

        return visible;
    }

    private bool MaySee(CaseRecord record) => Expert is not { } expert || ExpertAssignment.MaySee(expert, record);
}
