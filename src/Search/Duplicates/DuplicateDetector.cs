using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Duplicates;

/// <summary>Adds <c>possible_duplicate</c> when a submission's report text is nearly the same as another submission's:
/// the indexed cases most likely to hold a copy (<see cref="ISimilarTextSearch.CopyCandidatesAsync"/>) are compared exactly by the Jaccard similarity of their 5-gram sets.
/// A singleton: it also remembers the texts it saw in this process, so two copies processed side by side (neither
/// indexed yet) still find each other.</summary>
public sealed class DuplicateDetector(
    ISimilarTextSearch similar,
    ISearchIndex index,
    IOptions<DuplicateDetectionOptions> options,
    ILogger<DuplicateDetector> logger) : IRecordEnricher
{
    private const int RecentCapacity = 256;
    private const int ProbeLength = 2000;

    /// <summary>Jaccard's ceiling. A later text must score higher to replace the best, so once a copy scores this the
    /// rest are not read: a resubmitted report costs one comparison, not one per candidate.</summary>
    private const double Identical = 1.0;

    private readonly Lock _recentGate = new();
    private readonly LinkedList<(string SubmissionId, TextShingles Shingles)> _recent = new();

    public string Name => "DuplicateCheck";

    public async Task EnrichAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var text = record.Report?.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var settings = options.Value;
        var shingles = TextShingles.Of(text);
        if (shingles.Length < settings.MinimumLength)
        {
            return;
        }

        var best = (SubmissionId: (string?)null, Similarity: 0.0, Indexed: false);
        var recent = RememberAndSnapshot(record.SubmissionId, shingles);
        var compared = new HashSet<string>(StringComparer.Ordinal);
        // The opening of a report is enough to find its copies; the exact comparison below reads the whole text.
        var probe = text.Length <= ProbeLength ? text : text[..ProbeLength];
        await foreach (var candidate in similar.CopyCandidatesAsync(probe, record.SubmissionId, settings.Candidates, recent.ContainsKey, cancellationToken))
        {
            // A case this process saw recently is compared on the 5-grams it kept; another on the report text the index
            // gave with it, or its record read back when the backend gave none.
            var otherShingles = recent.GetValueOrDefault(candidate.SubmissionId);
            if (otherShingles is null)
            {
                var otherText = candidate.ReportText ?? (await index.GetAsync(candidate.SubmissionId, cancellationToken))?.Report?.Text;
                if (string.IsNullOrEmpty(otherText))
                {
                    continue;
                }

                otherShingles = TextShingles.Of(otherText);
            }

            compared.Add(candidate.SubmissionId);
            var similarity = shingles.JaccardIfNear(otherShingles, settings.Threshold);
            if (similarity > best.Similarity)
            {
                best = (candidate.SubmissionId, similarity, true);
            }

            if (best.Similarity >= Identical)
            {
                break;
            }
        }

        foreach (var (submissionId, recentShingles) in recent)
        {
            if (best.Similarity >= Identical)
            {
                break;
            }

            if (compared.Contains(submissionId))
            {
                continue;
            }

            var similarity = shingles.JaccardIfNear(recentShingles, settings.Threshold);
            if (similarity > best.Similarity)
            {
                best = (submissionId, similarity, false);
            }
        }

        if (best.SubmissionId is null || best.Similarity < settings.Threshold)
        {
            return;
        }

        var percent = best.Similarity.ToString("P0", CultureInfo.InvariantCulture);
        record.Findings.Add(new Finding
        {
            Code = FindingCodes.PossibleDuplicate,
            Severity = Severity.Warning,
            Message = $"案例报告正文与提交 {best.SubmissionId} 几乎相同（相似度 {percent}），可能是重复申报或往届案例",
            Evidence = $"相似提交：{best.SubmissionId}（{(best.Indexed ? "已入库" : "同批处理")}），正文五字片段重合度 {percent}",
            Measured = Math.Round(best.Similarity, 3),
            Limit = settings.Threshold,
            Location = new FindingLocation { Section = "案例报告" },
            Related = [best.SubmissionId],
            Plugin = Name,
            RuleSet = record.RuleSet,
        });
        logger.PossibleDuplicate(record.SubmissionId, best.SubmissionId, best.Similarity);
    }

    /// <summary>The other recent texts (newest first wins an id seen twice), then this one remembered.</summary>
    private Dictionary<string, TextShingles> RememberAndSnapshot(string submissionId, TextShingles shingles)
    {
        lock (_recentGate)
        {
            var others = new Dictionary<string, TextShingles>(_recent.Count, StringComparer.Ordinal);
            foreach (var (id, kept) in _recent)
            {
                if (!string.Equals(id, submissionId, StringComparison.Ordinal))
                {
                    others.TryAdd(id, kept);
                }
            }

            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.SubmissionId, submissionId, StringComparison.Ordinal))
                {
                    _recent.Remove(node);
                    break;
                }
            }

            _recent.AddFirst((submissionId, shingles));
            if (_recent.Count > RecentCapacity)
            {
                _recent.RemoveLast();
            }

            return others;
        }
    }
}
