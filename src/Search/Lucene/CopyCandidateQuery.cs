using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using CaseIngest.Search.Documents;
using CaseIngest.Search.Duplicates;

namespace CaseIngest.Search.Lucene;

/// <summary>The query that finds the cases holding a copy of a text. More-like-this looks up the document frequency of
/// every distinct bigram of the text in every segment (some 40 ms a package at 100 cases on this machine, most of the
/// duplicate check); a copy needs no ranking that fine. The text's bigrams are sampled by a fixed hash — the smallest
/// hashes (bottom-k), so a copy, or a text that keeps most of the wording, yields nearly the same sample — and a case
/// must hold a third of the sample to be a candidate; BM25 ranks the rest.</summary>
internal sealed class CopyCandidateQuery(ChineseAnalyzer analyzer)
{
    private const int SampleSize = 48;

    private static readonly Comparer<ulong> s_largestFirst = Comparer<ulong>.Create((a, b) => b.CompareTo(a));

    /// <summary>The query for a text's sample, or null when the text had no bigram to sample.</summary>
    public static Query? Build(IReadOnlyList<string> sample, string? excludeSubmissionId)
    {
        if (sample.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery { MinimumNumberShouldMatch = MinimumToMatch(sample.Count) };
        foreach (var term in sample)
        {
            query.Add(new TermQuery(new Term(SearchFields.Body, term)), Occur.SHOULD);
        }

        if (excludeSubmissionId is not null)
        {
            query.Add(new TermQuery(LuceneDocumentBuilder.IdTerm(excludeSubmissionId)), Occur.MUST_NOT);
        }

        return query;
    }

    /// <summary>How many of the sample's bigrams the report holds when that makes it a candidate, else 0:
    /// the query's test for a text not in the index (a record saved since the last commit). Substrings stand in for the
    /// analyser's bigrams; a text whose characters the analyser would fold differently is left to the exact comparison
    /// of the texts the duplicate check saw itself.</summary>
    public static int MatchesIn(IReadOnlyList<string> sample, UncommittedReport report)
    {
        var matched = sample.Count(term => report.Pairs.MayHold(term) && report.Text.Contains(term, StringComparison.Ordinal));
        return sample.Count > 0 && matched >= MinimumToMatch(sample.Count) ? matched : 0;
    }

    /// <summary>The text's bigrams with the smallest hashes (at most 48), smallest first.</summary>
    public IReadOnlyList<string> Sample(string text)
    {
        // The smallest hashes so far, the largest of them on top: a token becomes a string only when it enters, not
        // each of a report's thousands, and nothing is sorted but the 48 (300 packages allocated 34 MB less).
        var smallest = new PriorityQueue<string, ulong>(SampleSize + 1, s_largestFirst);
        var kept = new HashSet<ulong>();
        using (var stream = analyzer.GetTokenStream(SearchFields.Body, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var hash = SampleHash.Of(term.Buffer.AsSpan(0, term.Length));
                if ((smallest.Count == SampleSize && smallest.TryPeek(out _, out var largest) && hash >= largest) || !kept.Add(hash))
                {
                    continue;
                }

                smallest.Enqueue(term.ToString(), hash);
                if (smallest.Count > SampleSize)
                {
                    smallest.TryDequeue(out _, out var dropped);
                    kept.Remove(dropped);
                }
            }

            stream.End();
        }

        var sample = new string[smallest.Count];
        for (var i = sample.Length - 1; i >= 0; i--)
        {
            sample[i] = smallest.Dequeue();
        }

        return sample;
    }

    private static int MinimumToMatch(int sampleCount) => Math.Max(1, sampleCount / 3);
}
