using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Configuration;
using CaseIngest.Search;
using CaseIngest.Search.Documents;
using CaseIngest.Search.History;

namespace CaseIngest.Editions.Stage;

/// <summary>
/// Reads the outlines an edition check needs. A whole edition, or — given the submissions that changed — only what they
/// can move: those submissions, every record of the recommending units they count under now or counted under before (read
/// by the <c>recommender</c> filter: the name the stage normalised, or the name as written for a record saved since), and,
/// as always, the records of any edition carrying or named by a finding of a rule that looks across editions.
/// </summary>
/// <remarks>Records read only through a code of such a rule are not <see cref="EditionRead.Checked"/>: their recommender's
/// other records were not read, so only those rules' findings on them may change. Everything else a rule reads of a
/// checked record is read with it, so the findings are the ones a run over the whole edition gives (the tests compare).</remarks>
internal sealed class EditionReader(ISearchIndex index, IRecordHistory history)
{
    public async Task<EditionRead> ReadAsync(Edition facts, IReadOnlyCollection<string>? touched, IReadOnlyCollection<string> acrossCodes,
        CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        if (touched is null)
        {
            await AddAsync(records, new OutlineFilter(Edition: facts.Number), cancellationToken);
            checkedIds.UnionWith(records.Keys);
        }
        else
        {
            await ReadUnitsAsync(facts, touched, records, checkedIds, cancellationToken);
        }

        foreach (var code in acrossCodes.Order(StringComparer.Ordinal))
        {
            await AddAsync(records, new OutlineFilter(FindingCode: code), cancellationToken);
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

        return new EditionRead([.. records.Values], checkedIds);
    }

    /// <summary>The touched submissions and every record of each unit one of them counts under, counted under before a
    /// resubmission, or was normalised to — until no record read names a unit not read yet.</summary>
    private async Task ReadUnitsAsync(Edition facts, IReadOnlyCollection<string> touched, Dictionary<string, CaseRecord> records,
        HashSet<string> checkedIds, CancellationToken cancellationToken)
    {
        var units = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in touched.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await index.GetAsync(id, cancellationToken) is not { } record || record.Edition != facts.Number)
            {
                continue;
            }

            records[id] = RecordOutline.Of(record);
            checkedIds.Add(id);
            if (record.PackageVersion > 1 && (await history.ListAsync(id, cancellationToken)) is [.., var previous])
            {
                AddUnit(units, previous.RecommenderNormalized);
            }
        }

        var read = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var id in checkedIds)
            {
                var record = records[id];
                AddUnit(units, record.RecommenderNormalized);
                AddUnit(units, EditionCases.Resolve(facts.Registry, record).Unit?.Name);
            }

            var next = units.Where(read.Add).ToList();
            if (next.Count == 0)
            {
                return;
            }

            foreach (var unit in next)
            {
                await foreach (var record in index.ReadOutlinesAsync(new OutlineFilter(Edition: facts.Number, Recommender: unit), cancellationToken))
                {
                    records.TryAdd(record.SubmissionId, record);
                    checkedIds.Add(record.SubmissionId);
                }
            }
        }
    }

    private static void AddUnit(SortedSet<string> units, string? unit)
    {
        if (!string.IsNullOrWhiteSpace(unit))
        {
            units.Add(unit);
        }
    }

    private async Task AddAsync(Dictionary<string, CaseRecord> records, OutlineFilter filter, CancellationToken cancellationToken)
    {
        await foreach (var record in index.ReadOutlinesAsync(filter, cancellationToken))
        {
            records.TryAdd(record.SubmissionId, record);
        }
    }
}

/// <summary>What one pass read.</summary>
/// <param name="Records">The outlines, of this edition and of others.</param>
/// <param name="Checked">The records of the edition every rule may judge: each one's recommender's records were read with it.</param>
internal sealed record EditionRead(List<CaseRecord> Records, IReadOnlySet<string> Checked);
