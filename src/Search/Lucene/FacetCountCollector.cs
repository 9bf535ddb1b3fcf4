using CaseIngest.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CaseIngest.Search.Lucene;

/// <summary>Counts facet values over every match, from the doc values' ordinals (Lucene.Net.Facet is not served here):
/// one array increment per facet per matching document, ordinals turned into strings once per segment.</summary>
internal sealed class FacetCountCollector : ICollector
{
    private static readonly (string Facet, string Field, bool MultiValued)[] s_facets =
    [
        (SearchFacets.Type, SearchFields.Type, false),
        (SearchFacets.Verdict, SearchFields.Verdict, false),
        (SearchFacets.Edition, SearchFields.Edition, false),
        (SearchFacets.Recommender, SearchFields.Recommender, false),
        (SearchFacets.FindingCode, SearchFields.FindingCode, true),
    ];

    private readonly FacetState[] _states = s_facets.Select(f => new FacetState(f.Facet, f.Field, f.MultiValued)).ToArray();

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var state in _states)
        {
            state.Flush();
            state.Begin(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var state in _states)
        {
            state.Count(doc);
        }
    }

    /// <summary>Facet name → values, most frequent first (ties by value, for stable output).</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var state in _states)
        {
            state.Flush();
            result[state.Facet] = state.Totals
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetCount(p.Key, p.Value)).ToList();
        }

        return result;
    }

    private sealed class FacetState(string facet, string field, bool multiValued)
    {
        private readonly BytesRef _scratch = new();
        private SortedDocValues? _single;
        private SortedSetDocValues? _multi;
        private int[] _counts = [];

        public string Facet { get; } = facet;

        public Dictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);

        public void Begin(AtomicReader reader)
        {
            if (multiValued)
            {
                _multi = reader.GetSortedSetDocValues(field);
                _counts = _multi is null ? [] : new int[_multi.ValueCount];
            }
            else
            {
                _single = reader.GetSortedDocValues(field);
                _counts = _single is null ? [] : new int[_single.ValueCount];
            }
        }

        public void Count(int doc)
        {
            if (_single is not null)
            {
                var ord = _single.GetOrd(doc);
                if (ord >= 0)
                {
                    _counts[ord]++;
                }
            }
            else if (_multi is not null)
            {
                _multi.SetDocument(doc);
                for (var ord = _multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _multi.NextOrd())
                {
                    _counts[ord]++;
                }
            }
        }

        public void Flush()
        {
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] == 0)
                {
                    continue;
                }

                if (_single is not null)
                {
                    _single.LookupOrd(ord, _scratch);
                }
                else
                {
                    _multi!.LookupOrd(ord, _scratch);
                }

                var value = _scratch.Utf8ToString();
                Totals[value] = Totals.GetValueOrDefault(value) + _counts[ord];
            }

            _counts = [];
            _single = null;
            _multi = null;
        }
    }
}
