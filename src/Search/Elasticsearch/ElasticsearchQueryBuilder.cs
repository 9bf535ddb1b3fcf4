using CaseIngest.Search.Documents;
using CaseIngest.Search.Querying;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The typed parts of our searches: the query (after <see cref="RelevanceWeights"/>, mirroring the Lucene
/// backend's query clause for clause), filters, sorts, aggregations and more-like-this. Snippets are not asked of the
/// server: both backends cut them from the record with one snippet maker (<see cref="Highlighting.HitSnippets"/>).</summary>
internal static class ElasticsearchQueryBuilder
{
    public const int MaxFacetValues = 100;

    private static readonly (string Facet, string Field)[] s_facets =
    [
        (SearchFacets.Type, SearchFields.Type),
        (SearchFacets.Verdict, SearchFields.Verdict),
        (SearchFacets.ReviewState, SearchFields.ReviewState),
        (SearchFacets.Edition, SearchFields.Edition),
        (SearchFacets.Recommender, SearchFields.Recommender),
        (SearchFacets.FindingCode, SearchFields.FindingCode),
    ];

    /// <summary>Only the stored record comes back: hits are rebuilt from it, as the Lucene backend does.</summary>
    public static SourceConfig RecordOnly => new SourceFilter { Includes = SearchFields.Record };

    /// <summary>Only the paths of the stored record its <see cref="RecordOutline"/> keeps.</summary>
    public static SourceConfig OutlineOnly => new SourceFilter
    {
        Includes = Fields.FromStrings([.. RecordOutline.Paths.Concat(RecordOutline.FormPaths).Select(p => SearchFields.Record + "." + p)]),
    };

    /// <summary>The query's filters alone (no text, nothing scored).</summary>
    public static Query Filtered(SearchQuery query) => new BoolQuery { Filter = Filters(query) };

    /// <summary>Every query part must match (scored), and every filter (not scored).</summary>
    public static Query Search(SearchQuery query)
    {
        var parts = QueryText.Parse(query.Text);
        var fields = SearchFields.TextsOf(SearchScopes.Normalize(query.Scope));
        Query scoring = parts.Count == 0 ? new MatchAllQuery() : new BoolQuery { Must = parts.Select(p => Part(p, fields)).ToList() };
        return new BoolQuery { Must = [scoring], Filter = Filters(query) };
    }

    public static Query MoreLikeText(string text, string? excludeSubmissionId)
    {
        var query = new BoolQuery
        {
            Must =
            [
                new MoreLikeThisQuery
                {
                    Fields = new[] { SearchFields.Title, SearchFields.Body },
                    Like = [text],
                    MinTermFreq = 1,
                    MinDocFreq = 1,
                    MaxQueryTerms = 64,
                    Analyzer = ElasticsearchIndexDefinition.SearchAnalyzer,
                },
            ],
        };
        if (excludeSubmissionId is not null)
        {
            query.MustNot = [new IdsQuery { Values = excludeSubmissionId }];
        }

        return query;
    }

    public static ICollection<SortOptions> Sort(string sort)
    {
        static SortOptions Desc(string field) => new FieldSort { Field = field, Order = SortOrder.Desc };
        return sort switch
        {
            SearchSorts.SubmittedAt => [Desc(SearchFields.SubmittedAt)],
            SearchSorts.Rating => [Desc(SearchFields.Rating), Desc(SearchFields.SubmittedAt)],
            _ => [new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } }, Desc(SearchFields.Edition), Desc(SearchFields.SubmittedAt)],
        };
    }

    public static IDictionary<string, Aggregation> Aggregations() =>
        s_facets.ToDictionary(f => f.Facet, f => (Aggregation)new TermsAggregation { Field = f.Field, Size = MaxFacetValues });

    /// <summary>A part as the Lucene backend builds it: per field, the phrase (boosted by the phrase factor) and, unless
    /// quoted, the scattered terms of which at least 70 % must match ("-30%" is exactly ⌈0.7·n⌉).</summary>
    private static Query Part(QueryPart part, IReadOnlyList<string> fields)
    {
        var should = new List<Query>();
        foreach (var field in fields)
        {
            var weight = RelevanceWeights.Of(field);
            should.Add(new MatchPhraseQuery(field, part.Text) { Boost = weight * RelevanceWeights.PhraseFactor });
            if (!part.IsQuoted)
            {
                should.Add(new MatchQuery(field, part.Text)
                {
                    MinimumShouldMatch = $"-{100 - RelevanceWeights.ScatteredMinimumPercent}%",
                    Boost = weight,
                });
            }
        }

        return new BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }

    private static List<Query> Filters(SearchQuery query)
    {
        var filters = new List<Query>();
        void Term(string field, FieldValue? value)
        {
            if (value is { } v)
            {
                filters.Add(new TermQuery(field, v));
            }
        }

        static FieldValue? Text(string? value) => string.IsNullOrEmpty(value) ? default(FieldValue?) : FieldValue.String(value);
        Term(SearchFields.Type, Text(query.Type));
        Term(SearchFields.Verdict, Text(query.Verdict));
        if (query.ReviewStates.Count > 0)
        {
            filters.Add(new TermsQuery(SearchFields.ReviewState, new TermsQueryField([.. query.ReviewStates.Select(FieldValue.String)])));
        }

        Term(SearchFields.Edition, query.Edition is { } edition ? FieldValue.Long(edition) : default(FieldValue?));
        Term(SearchFields.Recommender, Text(query.Recommender));
        Term(SearchFields.FindingCode, Text(query.FindingCode));
        if (query.SubmittedFrom is not null || query.SubmittedTo is not null)
        {
            filters.Add(new DateRangeQuery(SearchFields.SubmittedAt)
            {
                Gte = query.SubmittedFrom is { } from ? (DateMath)from.ToString("O") : null,
                Lte = query.SubmittedTo is { } to ? (DateMath)to.ToString("O") : null,
            });
        }

        if (query.MinRating is { } minRating)
        {
            filters.Add(new NumberRangeQuery(SearchFields.Rating) { Gte = minRating });
        }

        return filters;
    }
}
