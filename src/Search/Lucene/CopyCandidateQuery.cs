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

    /// <summary>The query, or null when the text has no bigram to sample.</summary>
    public Query? Build(string text, string? excludeSubmissionId)
    {
        var sample = Sample(text);
        if (sample.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, sample.Count / 3) };
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

    private List<string> Sample(string text)
    {
        var hashed = new Dictionary<string, ulong>(StringComparer.Ordinal);
        using (var stream = analyzer.GetTokenStream(SearchFields.Body, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var token = term.ToString();
                if (!hashed.ContainsKey(token))
                {
                    hashed[token] = SampleHash.Of(token);
                }
            }

            stream.End();
        }

        return hashed.OrderBy(pair => pair.Value).Take(SampleSize).Select(pair => pair.Key).ToList();
    }
}
