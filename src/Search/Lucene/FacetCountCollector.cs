using CaseIngest.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CaseIngest.Search.Lucene;

/// <summary>Counts facet values over every match from each segment's cached ordinals (<see cref="FacetOrdinalsCache"/>;
/// Lucene.Net.Facet is not served here): one array increment per facet value per matching document, the counts turned
/// into values once per segment.</summary>
internal sealed class FacetCountCollector(FacetOrdinalsCache cache) : ICollector
{
    /// <summary>The facets and the doc-values fields they count, in the order <see cref="FacetOrdinalsCache"/> keeps them.</summary>
    public static readonly (string Facet, string Field, bool MultiValued)[] Facets =
    [
        (SearchFacets.Type, SearchFields.Type, false),
        (SearchFacets.Verdict, SearchFields.Verdict, false),
        (SearchFacets.ReviewState, SearchFields.ReviewState, false),
        (SearchFacets.Edition, SearchFields.Edition, false),
        (SearchFacets.Recommender, SearchFields.Recommender, false),
        (SearchFacets.FindingCode, SearchFields.FindingCode, true),
    ];

    private readonly Dictionary<string, long>[] _totals = [.. Facets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private SegmentFacetOrdinals[] _segment = [];
    private int[][] _counts = [];

    /// <summary>A cache for the fields of <see cref="Facets"/>.</summary>
    public static FacetOrdinalsCache NewCache() => new([.. Facets.Select(f => (f.Field, f.MultiValued))]);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = cache.Of(context.AtomicReader);
        _counts = [.. _segment.Select(s => new int[s.Values.Length])];
    }

    public void Collect(int doc)
    {
        for (var facet = 0; facet < _segment.Length; facet++)
        {
            var ordinals = _segment[facet];
            var counts = _counts[facet];
            var end = ordinals.Starts[doc + 1];
            for (var i = ordinals.Starts[doc]; i < end; i++)
            {
                counts[ordinals.Ordinals[i]]++;
            }
        }
    }

    /// <summary>Facet name → values, most frequent first (ties by value, for stable output).</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        for (var facet = 0; facet < Facets.Length; facet++)
        {
            result[Facets[facet].Facet] = _totals[facet]
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetCount(p.Key, p.Value)).ToList();
        }

        return result;
    }

    private void Flush()
    {
        for (var facet = 0; facet < _counts.Length; facet++)
        {
            var counts = _counts[facet];
            var values = _segment[facet].Values;
            var totals = _totals[facet];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
                }
            }
        }

        _counts = [];
        _segment = [];
    }
}
