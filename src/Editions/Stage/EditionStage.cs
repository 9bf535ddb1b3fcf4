using System.Diagnostics;
using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Logging;
using CaseIngest.Editions.Registry;
using CaseIngest.Editions.Rules;
using CaseIngest.Search;
using CaseIngest.Search.Documents;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Editions.Stage;

/// <summary>
/// Runs the edition rules (<see cref="IEditionRule"/>) over the records of an edition and writes what they find onto
/// the records concerned, removing what no longer holds. It reads records' outlines (<see cref="RecordOutline"/>: a few
/// hundred bytes each, no texts), compares each record's edition state field by field and rewrites only the records whose
/// state changed — with one package added, the one or few records of its recommender and duplicate pair whose findings
/// move. Safe with several workers at once: the result depends only on the stored records (never on arrival order); each
/// record is rewritten only if it is still the version that was read; and a pass that wrote while its input moved on
/// runs again, so the last writer always wrote from the latest records.
/// </summary>
public sealed class EditionStage(
    ISearchIndex index,
    ICaseRepository repository,
    EditionCatalog catalog,
    IEnumerable<IEditionRule> rules,
    SeverityTable severities,
    ILogger<EditionStage> logger)
{
    /// <summary>The <c>plugin</c> of every finding the stage writes: how it knows its own findings.</summary>
    public const string PluginName = EditionFindings.Plugin;

    private const int MaxPasses = 5;
    private readonly IReadOnlyList<IEditionRule> _rules = rules.ToList();

    /// <summary>Checks one edition. An edition without facts (no <c>Editions:&lt;n&gt;</c>) is left alone.</summary>
    public async Task<EditionCheckResult> RunAsync(int edition, CancellationToken cancellationToken)
    {
        if (catalog.Find(edition) is not { } facts)
        {
            logger.NotConfigured(edition);
            return new EditionCheckResult(edition, Configured: false, 0, [], 0, TimeSpan.Zero);
        }

        var stopwatch = Stopwatch.StartNew();
        var acrossCodes = _rules.Where(r => r.AcrossEditions).SelectMany(r => r.Codes).ToHashSet(StringComparer.Ordinal);
        var written = new SortedSet<string>(StringComparer.Ordinal);
        var records = await ReadAsync(edition, acrossCodes, cancellationToken);
        for (var pass = 1; ; pass++)
        {
            var fingerprint = Fingerprint(records);
            var plan = Plan(facts, records, acrossCodes);
            var moved = false;
            if (plan.Changes.Count > 0)
            {
                var changes = plan.Changes.ToDictionary(c => c.SubmissionId, StringComparer.Ordinal);
                var ids = await repository.UpdateManyAsync(changes.Keys, current => changes[current.SubmissionId].ApplyTo(current), cancellationToken);
                written.UnionWith(ids);
                // Only a pass that wrote can have written from stale input (what it read changed while it planned).
                records = await ReadAsync(edition, acrossCodes, cancellationToken);
                moved = Fingerprint(records) != fingerprint;
            }

            if (!moved || pass == MaxPasses)
            {
                if (moved)
                {
                    logger.KeptChanging(edition, pass);
                }

                var result = new EditionCheckResult(edition, Configured: true, plan.Cases, written.ToList(), pass, stopwatch.Elapsed);
                logger.Checked(edition, result.Cases, result.Written.Count, pass, (long)stopwatch.Elapsed.TotalMilliseconds);
                return result;
            }
        }
    }

    /// <summary>Checks every edition the given records belong to (those with facts).</summary>
    public async Task<IReadOnlyList<EditionCheckResult>> RunAsync(IEnumerable<int?> editions, CancellationToken cancellationToken)
    {
        var results = new List<EditionCheckResult>();
        foreach (var edition in editions.OfType<int>().Distinct().Order())
        {
            results.Add(await RunAsync(edition, cancellationToken));
        }

        return results;
    }

    /// <summary>The outlines the rules need: the edition's records; of other editions, those carrying a finding of a rule
    /// that looks across editions, and those such a finding names.</summary>
    private async Task<List<CaseRecord>> ReadAsync(int edition, HashSet<string> acrossCodes, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        await foreach (var record in index.ReadOutlinesAsync(edition, findingCode: null, cancellationToken))
        {
            records[record.SubmissionId] = record;
        }

        foreach (var code in acrossCodes.Order(StringComparer.Ordinal))
        {
            await foreach (var record in index.ReadOutlinesAsync(edition: null, code, cancellationToken))
            {
                records.TryAdd(record.SubmissionId, record);
            }
        }

        var named = records.Values.SelectMany(r => r.Findings)
            .Where(f => acrossCodes.Contains(f.Code) && f.Related is not null)
            .SelectMany(f => f.Related!)
            .Where(id => !records.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var id in named)
        {
            if (await index.GetAsync(id, cancellationToken) is { } record)
            {
                records[id] = RecordOutline.Of(record);
            }
        }

        return [.. records.Values];
    }

    /// <summary>What the pipeline and people decided, that the rules read: a pass whose fingerprint moved ran on stale input.</summary>
    private static string Fingerprint(IEnumerable<CaseRecord> records) =>
        string.Join('\n', records
            .Select(r => $"{r.SubmissionId}|{r.Edition}|{r.ProcessedAt:O}|{r.PackageSha256}|{r.SubmittedAt:O}|{r.Withdrawn?.At:O}")
            .Order(StringComparer.Ordinal));

    private EditionPlan Plan(Edition facts, List<CaseRecord> records, HashSet<string> acrossCodes)
    {
        var before = records.ToDictionary(r => r.SubmissionId, EditionState.Of, StringComparer.Ordinal);
        var inEdition = records.Where(r => r.Edition == facts.Number).ToList();

        // The rules read the edition's records as the pipeline left them: the stage's own findings out, what it set aside back.
        foreach (var record in inEdition)
        {
            record.Findings.RemoveAll(f => f.Plugin == PluginName);
            record.Findings.AddRange(record.SuppressedFindings);
            record.SuppressedFindings = [];
        }

        var standing = records.Where(r => r.Withdrawn is null).ToList();
        var cases = EditionCases.Resolve(facts, standing.Where(r => r.Edition == facts.Number));
        var context = new EditionRuleContext { Edition = facts.Number, ClosingTime = facts.ClosingTime, Cases = cases, AllRecords = standing };

        var found = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        var editionIds = inEdition.Select(r => r.SubmissionId).ToHashSet(StringComparer.Ordinal);
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
                // Another edition's record: only the findings of rules that look across editions are this stage's to change.
                record.Findings.RemoveAll(f => f.Plugin == PluginName && acrossCodes.Contains(f.Code));
            }

            foreach (var finding in mine)
            {
                finding.Plugin = PluginName;
                finding.RuleSet = record.RuleSet;
                finding.Severity = severities.Of(finding);

                record.Findings.Add(finding);
            }

            record.Verdict = VerdictRule.Derive(record.Findings);
            if (!before[record.SubmissionId].Same(EditionState.Of(record)))
            {
                changes.Add(new EditionChange(record));
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

    /// <summary>A record's new edition state, applied only to the version it was computed from.</summary>
    private sealed class EditionChange(CaseRecord planned)
    {
        public string SubmissionId => planned.SubmissionId;

        public bool ApplyTo(CaseRecord current)
        {
            if (current.ProcessedAt != planned.ProcessedAt || current.PackageSha256 != planned.PackageSha256
                || current.Withdrawn?.At != planned.Withdrawn?.At || current.Edition != planned.Edition)
            {
                return false; // processed again since it was read: that processing brings its own check
            }

            current.Findings = planned.Findings;
            current.SuppressedFindings = planned.SuppressedFindings;
            current.RecommenderNormalized = planned.RecommenderNormalized;
            current.Verdict = planned.Verdict;
            return true;
        }
    }
}

/// <summary>What one edition check did.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Configured">False when the edition has no facts (nothing ran).</param>
/// <param name="Cases">Standing records of the edition.</param>
/// <param name="Written">The records rewritten (their edition findings changed).</param>
/// <param name="Passes">Passes made (more than one when records changed meanwhile).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record EditionCheckResult(int Edition, bool Configured, int Cases, IReadOnlyList<string> Written, int Passes, TimeSpan Elapsed);
