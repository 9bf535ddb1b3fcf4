using CaseIngest.Search.Documents;
using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Corpus;
using Lucene.Net.Analysis.TokenAttributes;

namespace CaseIngest.Search.Tests.Duplicates;

/// <summary>The copy query's sample is a bottom-k of the text's distinct bigrams by hash, whatever way it is kept.</summary>
public sealed class CopyCandidateSampleTests
{
    [Fact]
    public void Sample_CorpusReports_TheDistinctTermsWithTheSmallestHashes_SmallestFirst()
    {
        var analyzer = ChineseAnalyzer.ForQueries();
        var query = new CopyCandidateQuery(analyzer);
        foreach (var text in CorpusRecords.All.Select(r => r.Report?.Text).OfType<string>().Where(t => t.Length > 1000).Distinct().Take(6))
        {
            var expected = Terms(analyzer, text).Distinct(StringComparer.Ordinal).OrderBy(t => SampleHash.Of(t)).Take(48).ToList();

            Assert.Equal(48, expected.Count);
            Assert.Equal(expected, query.Sample(text));
        }
    }

    [Fact]
    public void Sample_AShortText_EveryDistinctTerm()
    {
        var analyzer = ChineseAnalyzer.ForQueries();

        var sample = new CopyCandidateQuery(analyzer).Sample("智能制造智能制造");

        Assert.Equal(new[] { "智能", "能制", "制造", "造智" }.OrderBy(t => SampleHash.Of(t)), sample);
    }

    private static List<string> Terms(ChineseAnalyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
