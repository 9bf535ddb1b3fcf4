using System.Globalization;
using CaseIngest.Search.Documents;
using CaseIngest.Search.Highlighting;
using CaseIngest.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CaseIngest.Search.Lucene;

/// <summary>A <see cref="SearchQuery"/> as a Lucene query, filter and sort, after <see cref="RelevanceWeights"/>.</summary>
internal sealed class LuceneQueryBuilder(Analyzer queryAnalyzer)
{
    private readonly QueryTerms _terms = new(queryAnalyzer);

    /// <summary>The scoring query over the scope's fields (<see cref="SearchFields.TextsOf"/>) and the strings the
    /// snippet maker marks.</summary>
    public (Query Query, IReadOnlyList<QueryNeedle> Needles) BuildQuery(string? text, string? scope = null)
    {
        var needles = new List<QueryNeedle>();
        var query = new BooleanQuery();
        foreach (var (part, tokens) in _terms.Parts(text))
        {
            var partQuery = new BooleanQuery { MinimumNumberShouldMatch = 1 };
            var distinct = QueryTerms.Distinct(tokens);
            foreach (var field in SearchFields.TextsOf(scope))
            {
                var weight = RelevanceWeights.Of(field);
                var phrase = new PhraseQuery { Boost = weight * RelevanceWeights.PhraseFactor };
                foreach (var (term, position) in tokens)
                {
                    phrase.Add(new Term(field, term), position);
                }

                partQuery.Add(phrase, Occur.SHOULD);
                if (!part.IsQuoted)
                {
                    var scattered = new BooleanQuery { Boost = weight, MinimumNumberShouldMatch = RelevanceWeights.MinimumShouldMatch(distinct.Count) };
                    foreach (var term in distinct)
                    {
                        scattered.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                    }

                    partQuery.Add(scattered, Occur.SHOULD);
                }
            }

            query.Add(partQuery, Occur.MUST);
            needles.Add(QueryTerms.NeedleOf(part, tokens));
        }

        return query.Clauses.Count == 0 ? (new MatchAllDocsQuery(), needles) : (query, needles);
    }

    /// <summary>The filters of the query, or null when there are none. Filters never change scores.</summary>
    public static Filter? BuildFilter(SearchQuery query) =>
        FilterQuery(query) is { Clauses.Count: > 0 } filter ? new QueryWrapperFilter(filter) : null;

    /// <summary>The filters of the query as one query that every filter must match (no clauses when there are none).</summary>
    public static BooleanQuery FilterQuery(SearchQuery query)
    {
        var filter = new BooleanQuery();
        AddTerm(filter, SearchFields.Type, query.Type);
        AddTerm(filter, SearchFields.Verdict, query.Verdict);
        AddAnyTerm(filter, SearchFields.ReviewState, query.ReviewStates);
        AddTerm(filter, SearchFields.Edition, query.Edition?.ToString(CultureInfo.InvariantCulture));
        AddTerm(filter, SearchFields.Recommender, query.Recommender);
        AddTerm(filter, SearchFields.FindingCode, query.FindingCode);
        if (query.SubmittedFrom is not null || query.SubmittedTo is not null)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.SubmittedAt, query.SubmittedFrom?.ToUnixTimeMilliseconds(),
                query.SubmittedTo?.ToUnixTimeMilliseconds(), minInclusive: true, maxInclusive: true), Occur.MUST);
        }

        if (query.MinRating is { } minRating)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(SearchFields.Rating, minRating, null, minInclusive: true, maxInclusive: true), Occur.MUST);
        }

        return filter;
    }

    public static Sort SortOf(string sort) => sort switch
    {
        SearchSorts.SubmittedAt => new Sort(new SortField(SearchFields.SubmittedAt, SortFieldType.INT64, reverse: true)),
        SearchSorts.Rating => new Sort(new SortField(SearchFields.Rating, SortFieldType.INT32, reverse: true),
            new SortField(SearchFields.SubmittedAt, SortFieldType.INT64, reverse: true)),
        _ => new Sort(SortField.FIELD_SCORE, new SortField(LuceneDocumentBuilder.EditionNumber, SortFieldType.INT32, reverse: true),
            new SortField(SearchFields.SubmittedAt, SortFieldType.INT64, reverse: true)),
    };

    private static void AddTerm(BooleanQuery filter, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    private static void AddAnyTerm(BooleanQuery filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        filter.Add(any, Occur.MUST);
    }
}
