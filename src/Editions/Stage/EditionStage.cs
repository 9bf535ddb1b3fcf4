using System.Diagnostics;
using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Logging;
using CaseIngest.Editions.Registry;
using CaseIngest.Editions.Rules;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Documents;
using CaseIngest.Search.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Editions.Stage;

/// <summary>
/// Runs the edition rules (<see cref="IEditionRule"/>) over the records of an edition and writes what they find onto
/// the records concerned, removing what no longer holds. It reads records' outlines (<see cref="RecordOutline"/>: a few
/// hundred bytes each, no texts): the whole edition for a check of the edition, and — given the submissions that changed,
/// once this process has checked the whole edition and when every rule's <see cref="IEditionRule.Reach"/> allows it —
/// only what those can move (<see cref="EditionReader"/>). It compares each record's edition state field by field and
/// rewrites only the records whose state changed. Safe with several workers at once: the result depends only on the
/// stored records (never on arrival order); each record is rewritten only if it is still the version that was read; and a
/// pass that wrote while its input moved on runs again, so the last writer always wrote from the latest records.
/// </summary>
public sealed class EditionStage(
    ISearchIndex index,
    ICaseRepository repository,
    IRecordHistory history,
    EditionCatalog catalog,
    IEnumerable<IEditionRule> rules,
    IOptions<PipelineOptions> pipeline,
    ILogger<EditionStage> logger)
{
    /// <summary>The <c>plugin</c> of every finding the stage writes: how it knows its own findings.</summary>
    public const string PluginName = EditionFindings.Plugin;

    private const int MaxPasses = 5;
    private readonly IReadOnlyList<IEditionRule> _rules = rules.ToList();
    private readonly EditionReader _reader = new(index, history);
    private readonly Lock _gate = new();
    // The editions this process has checked whole: until then a change is checked over the whole edition too, since the
    // registry or the closing time may have changed since the records were last checked (they are read at start).
    private readonly HashSet<int> _checkedWhole = [];

    /// <summary>Checks one whole edition. An edition without facts (no <c>Editions:&lt;n&gt;</c>) is left alone.</summary>
    public Task<EditionCheckResult> RunAsync(int edition, CancellationToken cancellationToken) =>
        RunAsync(edition, touched: null, cancellationToken);

    /// <summary>Checks every edition the given records belong to (those with facts), each whole.</summary>
    public async Task<IReadOnlyList<EditionCheckResult>> RunAsync(IEnumerable<int?> editions, CancellationToken cancellationToken)
    {
        var results = new List<EditionCheckResult>();
        foreach (var edition in editions.OfType<int>().Distinct().Order())
        {
            results.Add(await RunAsync(edition, touched: null, cancellationToken));
        }

        return results;
    }

    /// <summary>Checks what the given submissions' changes can move in each of their editions (the whole edition the first
    /// time in this process, or when a registered rule reads the whole edition).</summary>
    public async Task<IReadOnlyList<EditionCheckResult>> RunAsync(IEnumerable<TouchedEdition> editions, CancellationToken cancellationToken)
    {
        var results = new List<EditionCheckResult>();
        foreach (var group in editions.GroupBy(e => e.Edition).OrderBy(g => g.Key))
        {
            var touched = group.SelectMany(e => e.SubmissionIds).ToHashSet(StringComparer.Ordinal);
            results.Add(await RunAsync(group.Key, touched, cancellationToken));
        }

        return results;
    }

    private async Task<EditionCheckResult> RunAsync(int edition, IReadOnlyCollection<string>? touched, CancellationToken cancellationToken)
    {
        if (catalog.Find(edition) is not { } facts)
        {
            logger.NotConfigured(edition);
            return new EditionCheckResult(edition, Configured: false, 0, [], 0, TimeSpan.Zero);
        }

        var stopwatch = Stopwatch.StartNew();
        lock (_gate)
        {
            if (!_checkedWhole.Contains(edition) || _rules.Any(r => r.Reach == EditionRuleReach.Edition))
            {
                touched = null;
            }
        }

        var acrossCodes = _rules.Where(r => r.AcrossEditions).SelectMany(r => r.Codes).ToHashSet(StringComparer.Ordinal);
        var written = new SortedSet<string>(StringComparer.Ordinal);
        var read = await _reader.ReadAsync(facts, touched, acrossCodes, cancellationToken);
        for (var pass = 1; ; pass++)
        {
            var fingerprint = Fingerprint(read.Records);
            var plan = Plan(facts, read, acrossCodes);
            var moved = false;
            if (plan.Changes.Count > 0)
            {
                var changes = plan.Changes.ToDictionary(c => c.SubmissionId, StringComparer.Ordinal);
                var ids = await repository.UpdateManyAsync(changes.Keys, current => changes[current.SubmissionId].ApplyTo(current), cancellationToken);
                written.UnionWith(ids);
                // Only a pass that wrote can have written from stale input (what it read changed while it planned).
                read = await _reader.ReadAsync(facts, touched, acrossCodes, cancellationToken);
                moved = Fingerprint(read.Records) != fingerprint;
            }

            if (!moved || pass == MaxPasses)
            {
                if (moved)
                {
                    logger.KeptChanging(edition, pass);
                }
                else if (touched is null)
                {
                    lock (_gate)
                    {
                        _checkedWhole.Add(edition);
                    }
                }

                var result = new EditionCheckResult(edition, Configured: true, plan.Cases, [.. written], pass, stopwatch.Elapsed)
                {
                    Whole = touched is null,
                    Read = read.Records.Count,
                };
                logger.Checked(edition, result.Whole ? "whole edition" : "changed units", result.Read, result.Cases, result.Written.Count, pass,
                    (long)stopwatch.Elapsed.TotalMilliseconds);
                return result;
            }
        }
    }

    /// <summary>What the pipeline and people decided, that the rules read: a pass whose fingerprint moved ran on stale input.</summary>
    private static string Fingerprint(IEnumerable<CaseRecord> records) =>
        string.Join('\n', records
            .Select(r => $"{r.SubmissionId}|{r.Edition}|{r.ProcessedAt:O}|{r.PackageSha256}|{r.SubmittedAt:O}|{r.Withdrawn?.At:O}")
            .Order(StringComparer.Ordinal));

    private EditionPlan Plan(Edition facts, EditionRead read, HashSet<string> acrossCodes)
    {
        var records = read.Records;
        var before = records.ToDictionary(r => r.SubmissionId, EditionState.Of, StringComparer.Ordinal);
        // The edition's records every rule judges; the others (of other editions, or of this one read only for a rule that
        // looks across editions) get only those rules' findings.
        var inEdition = records.Where(r => r.Edition == facts.Number && read.Checked.Contains(r.SubmissionId)).ToList();

        // The rules read the edition's records as the pipeline left them: the stage's own findings out, what it set aside back.
        foreach (var record in inEdition)
        {
            record.Findings.RemoveAll(f => f.Plugin == PluginName);
            record.Findings.AddRange(record.SuppressedFindings);
            record.SuppressedFindings = [];
        }

        var standing = records.Where(r => r.Withdrawn is null).ToList();
        var editionIds = inEdition.Select(r => r.SubmissionId).ToHashSet(StringComparer.Ordinal);
        var cases = EditionCases.Resolve(facts, standing.Where(r => editionIds.Contains(r.SubmissionId)));
        var context = new EditionRuleContext { Edition = facts.Number, ClosingTime = facts.ClosingTime, Cases = cases, AllRecords = standing };

        var found = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var rule in _rules)
        {
            foreach (var item in rule.Evaluate(context))
            {
                if (!rule.AcrossEditions && !editionIds.Contains(item.SubmissionId))
                {
                    logger.OutsideEdition(rule.GetType().Name, item.Finding.Code, item.SubmissionId, facts.Number);
                    continue;
                }

                if (!before.ContainsKey(item.SubmissionId))
                {
                    continue;
                }

                var list = found.TryGetValue(item.SubmissionId, out var existing) ? existing : found[item.SubmissionId] = [];
                list.Add(item.Finding);
            }
        }

        var stageCodes = _rules.SelectMany(r => r.Codes).ToHashSet(StringComparer.Ordinal);
        var direct = cases.Where(c => c.DirectSubmission).Select(c => c.Record.SubmissionId).ToHashSet(StringComparer.Ordinal);
        var units = cases.ToDictionary(c => c.Record.SubmissionId, c => c.Unit?.Name, StringComparer.Ordinal);
        var changes = new List<EditionChange>();
        foreach (var record in records)
        {
            var mine = found.GetValueOrDefault(record.SubmissionId) ?? [];
            if (editionIds.Contains(record.SubmissionId))
            {
                if (direct.Contains(record.SubmissionId))
                {
                    record.SuppressedFindings = record.Findings.Where(EditionCases.ConcernsRecommenderBlock).ToList();
                    record.Findings.RemoveAll(EditionCases.ConcernsRecommenderBlock);
                }

                record.RecommenderNormalized = units.GetValueOrDefault(record.SubmissionId) ?? NameKey.Tidy(RecommenderName.Of(record));
            }
            else
            {
                // Another edition's record, or one read only through those codes: only the findings of rules that look across
                // editions are this stage's to change.
                record.Findings.RemoveAll(f => f.Plugin == PluginName && acrossCodes.Contains(f.Code));
            }

            foreach (var finding in mine)
            {
                finding.Plugin = PluginName;
                finding.RuleSet = record.RuleSet;
                if (pipeline.Value.SeverityOverrides.TryGetValue(finding.Code, out var severity))
                {
                    finding.Severity = severity;
                }

                record.Findings.Add(finding);
            }

            record.Verdict = VerdictRule.Derive(record.Findings);
            if (!before[record.SubmissionId].Same(EditionState.Of(record)))
            {
                changes.Add(new EditionChange(record, stageCodes));
            }
        }

        return new EditionPlan(cases.Count, changes);
    }

    private sealed record EditionPlan(int Cases, List<EditionChange> Changes);

    /// <summary>The part of a record the stage writes (copies of its lists, taken before the plan changes them).</summary>
    private sealed record EditionState(List<Finding> Findings, List<Finding> Suppressed, string? RecommenderNormalized, Verdict Verdict)
    {
        public static EditionState Of(CaseRecord record) =>
            new([.. record.Findings], [.. record.SuppressedFindings], record.RecommenderNormalized, record.Verdict);

        public bool Same(EditionState other) =>
            RecommenderNormalized == other.RecommenderNormalized && Verdict == other.Verdict
            && FindingEquality.SameList(Findings, other.Findings) && FindingEquality.SameList(Suppressed, other.Suppressed);
    }

    /// <summary>A record's new edition state, applied only to the version it was computed from. A person's decision on a
    /// finding that no longer holds — one the record carried, or one of the stage's codes kept from an earlier version for
    /// the stage to confirm — is cleared with an audit event that keeps it (who decided what, and why) in the trail.</summary>
    private sealed class EditionChange(CaseRecord planned, IReadOnlySet<string> stageCodes)
    {
        public string SubmissionId => planned.SubmissionId;

        public RecordUpdate ApplyTo(CaseRecord current)
        {
            if (current.ProcessedAt != planned.ProcessedAt || current.PackageSha256 != planned.PackageSha256
                || current.Withdrawn?.At != planned.Withdrawn?.At || current.Edition != planned.Edition)
            {
                return RecordUpdate.Unchanged; // processed again since it was read: that processing brings its own check
            }

            var carried = current.Findings.Concat(current.SuppressedFindings).ToList();
            current.Findings = planned.Findings;
            current.SuppressedFindings = planned.SuppressedFindings;
            current.RecommenderNormalized = planned.RecommenderNormalized;
            current.Verdict = planned.Verdict;
            if (current.Review is not { Findings.Count: > 0 } review)
            {
                return RecordUpdate.Written;
            }

            var standing = current.Findings.Concat(current.SuppressedFindings).ToList();
            var cleared = review.Findings
                .Where(d => !standing.Any(f => ReviewRules.SameFinding(d.Code, d.Evidence, f))
                            && (stageCodes.Contains(d.Code) || carried.Any(f => ReviewRules.SameFinding(d.Code, d.Evidence, f))))
                .ToList();
            foreach (var decision in cleared)
            {
                review.Findings.Remove(decision);
            }

            return new RecordUpdate(Write: true, [.. cleared.Select(d => new ReviewChange(AuditActions.FindingCleared,
                AuditValues.Finding(d.Code, d.Evidence), AuditValues.Of(d), null))]);
        }
    }
}

/// <summary>What one edition check did.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Configured">False when the edition has no facts (nothing ran).</param>
/// <param name="Cases">Standing records of the edition the rules judged (all of them when <see cref="Whole"/>).</param>
/// <param name="Written">The records rewritten (their edition findings changed).</param>
/// <param name="Passes">Passes made (more than one when records changed meanwhile).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record EditionCheckResult(int Edition, bool Configured, int Cases, IReadOnlyList<string> Written, int Passes, TimeSpan Elapsed)
{
    /// <summary>True when the whole edition was read; false when only what the changed submissions can move.</summary>
    public bool Whole { get; init; } = true;

    /// <summary>Outlines the last pass read.</summary>
    public int Read { get; init; }
}
