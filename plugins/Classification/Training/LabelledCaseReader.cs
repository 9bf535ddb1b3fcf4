using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>
/// Reads case records (a .jsonl file, a .json record, or a folder of them) and keeps those with a confirmed type:
/// <c>review.confirmedType</c>, or a label from a labels file (<c>submissionId,type</c> per line, tab or comma), which
/// wins, for evaluating or bootstrapping before reviewers have confirmed anything. Problems are collected with the
/// file and line, never thrown, so one bad line does not lose a night's labels.
/// </summary>
internal sealed class LabelledCaseReader
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public int RecordsRead { get; private set; }

    public async Task<IReadOnlyList<TrainingExample>> ReadAsync(IReadOnlyList<string> paths, string? labelsPath, CancellationToken cancellationToken)
    {
        var labels = labelsPath is null ? new Dictionary<string, string>(StringComparer.Ordinal) : await ReadLabelsAsync(labelsPath, cancellationToken);
        var records = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        foreach (var file in paths.SelectMany(Expand))
        {
            await foreach (var record in ReadRecordsAsync(file, cancellationToken))
            {
                RecordsRead++;
                // A package processed again (recheck, resubmission) appears twice; the later record is the one in force.
                records[record.SubmissionId] = record;
            }
        }

        var examples = new List<TrainingExample>();
        foreach (var (id, record) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var raw = labels.GetValueOrDefault(id) ?? record.Review?.ConfirmedType;
            if (raw is null)
            {
                continue;
            }

            var label = CaseTypes.Normalize(raw);
            var text = CaseText.From(record);
            if (label is null)
            {
                _problems.Add($"{id}: confirmed type \"{raw}\" is not one of {string.Join("、", CaseTypes.All)}; skipped");
            }
            else if (text.IsEmpty)
            {
                _problems.Add($"{id}: the record has neither a case name nor report text; skipped");
            }
            else
            {
                examples.Add(new TrainingExample(id, label, text));
            }
        }

        foreach (var missing in labels.Keys.Where(id => !records.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            _problems.Add($"{labelsPath}: label for {missing}, but no record with that submissionId was read");
        }

        return examples;
    }

    private IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        if (File.Exists(path))
        {
            return [path];
        }

        _problems.Add($"{path}: no such file or folder");
        return [];
    }

    private async IAsyncEnumerable<CaseRecord> ReadRecordsAsync(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var record = Parse(await File.ReadAllTextAsync(file, cancellationToken), file, line: null);
            if (record is not null)
            {
                yield return record;
            }

            yield break;
        }

        var number = 0;
        await foreach (var line in File.ReadLinesAsync(file, cancellationToken))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line) && Parse(line, file, number) is { } record)
            {
                yield return record;
            }
        }
    }

    private CaseRecord? Parse(string json, string file, int? line)
    {
        var where = line is null ? file : $"{file}:{line}";
        try
        {
            var record = CaseRecordJson.Deserialize(json);
            if (string.IsNullOrWhiteSpace(record.SubmissionId))
            {
                _problems.Add($"{where}: record without a submissionId; skipped");
                return null;
            }

            return record;
        }
        catch (JsonException ex)
        {
            _problems.Add($"{where}: not a case record ({ex.Message}); skipped");
            return null;
        }
    }

    private async Task<Dictionary<string, string>> ReadLabelsAsync(string path, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            _problems.Add($"{path}: labels file not found");
            return labels;
        }

        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split(['\t', ','], 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && CaseTypes.Normalize(parts[1]) is not null)
            {
                labels[parts[0]] = parts[1];
            }
            else if (number > 1)
            {
                _problems.Add($"{path}:{number}: expected \"submissionId,type\" with a case type, got \"{text}\"; skipped");
            }
        }

        return labels;
    }
}
