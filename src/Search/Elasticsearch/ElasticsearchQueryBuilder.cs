using System.Text.Json;
using System.Text.Json.Nodes;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;
using CaseIngest.Search.Querying;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>Request bodies: documents, searches (after <see cref="RelevanceWeights"/>, mirroring the Lucene backend's
/// query clause for clause), aggregations, highlighting and more-like-this.</summary>
internal static class ElasticsearchQueryBuilder
{
    public const int FragmentLength = 120;
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

    public static JsonObject Document(CaseRecord record)
    {
        var source = CaseDocument.From(record);
        return new JsonObject
        {
            [SearchFields.SubmissionId] = source.SubmissionId,
            [SearchFields.Title] = source.Title,
            [SearchFields.Headings] = source.Headings,
            [SearchFields.Body] = source.Body,
            [SearchFields.Type] = source.Type,
            [SearchFields.Verdict] = source.Verdict,
            [SearchFields.ReviewState] = source.ReviewState,
            [SearchFields.Edition] = source.Edition,
            [SearchFields.Recommender] = source.Recommender,
            [SearchFields.FindingCode] = new JsonArray(source.FindingCodes.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
            [SearchFields.SubmittedAt] = source.SubmittedAt?.ToString("O"),
            [SearchFields.Rating] = source.Rating,
            [SearchFields.Record] = JsonSerializer.SerializeToNode(record, CaseRecordJson.Options),
        };
    }

    /// <summary>The bulk body: one action line and (for index) one source line per record, newline-terminated.</summary>
    public static string BulkIndex(string index, IEnumerable<CaseRecord> records)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var record in records)
        {
            lines.Append(Compact(new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = record.SubmissionId } })).Append('\n');
            lines.Append(Compact(Document(record))).Append('\n');
        }

        return lines.ToString();
    }

    public static string BulkDelete(string index, IEnumerable<string> submissionIds)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var id in submissionIds)
        {
            lines.Append(Compact(new JsonObject { ["delete"] = new JsonObject { ["_index"] = index, ["_id"] = id } })).Append('\n');
        }

        return lines.ToString();
    }

    public static JsonObject Search(SearchQuery query)
    {
        var parts = QueryText.Parse(query.Text);
        var filters = Filters(query);
        JsonNode scoring = parts.Count == 0
            ? new JsonObject { ["match_all"] = new JsonObject() }
            : new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(parts.Select(p => (JsonNode)Part(p)).ToArray()) } };
        var body = new JsonObject
        {
            ["from"] = Math.Max(0, query.Offset),
            ["size"] = Math.Clamp(query.Limit, 0, 10_000),
            ["track_total_hits"] = true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(scoring), ["filter"] = filters } },
            ["sort"] = Sort(query.Sort),
            ["_source"] = new JsonArray(SearchFields.Record),
            ["aggs"] = Aggregations(),
        };
        if (parts.Count > 0)
        {
            body["highlight"] = Highlight();
        }

        return body;
    }

    public static JsonObject MoreLikeText(string text, string? excludeSubmissionId, int count)
    {
        var query = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["must"] = new JsonArray(new JsonObject
                {
                    ["more_like_this"] = new JsonObject
                    {
                        ["fields"] = new JsonArray(SearchFields.Title, SearchFields.Body),
                        ["like"] = text,
                        ["min_term_freq"] = 1,
                        ["min_doc_freq"] = 1,
                        ["max_query_terms"] = 64,
                        ["analyzer"] = ElasticsearchIndexDefinition.SearchAnalyzer,
                    },
                }),
            },
        };
        if (excludeSubmissionId is not null)
        {
            query["bool"]!["must_not"] = new JsonArray(new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(excludeSubmissionId) } });
        }

        return new JsonObject { ["size"] = Math.Max(1, count), ["query"] = query, ["_source"] = new JsonArray(SearchFields.Record) };
    }

    /// <summary>One page of every record, in submissionId order, after <paramref name="after"/>.</summary>
    public static JsonObject ReadPage(int size, string? after)
    {
        var body = new JsonObject
        {
            ["size"] = size,
            ["query"] = new JsonObject { ["match_all"] = new JsonObject() },
            ["sort"] = new JsonArray(new JsonObject { [SearchFields.SubmissionId] = new JsonObject { ["order"] = "asc" } }),
            ["_source"] = new JsonArray(SearchFields.Record),
        };
        if (after is not null)
        {
            body["search_after"] = new JsonArray(after);
        }

        return body;
    }

    public static JsonObject GetById(string submissionId) => new()
    {
        ["size"] = 1,
        ["query"] = new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(submissionId) } },
        ["_source"] = new JsonArray(SearchFields.Record),
    };

    public static string Compact(JsonNode node) => node.ToJsonString(CompactOptions);

    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A part as the Lucene backend builds it: per field, the phrase (boosted by the phrase factor) and, unless
    /// quoted, the scattered terms of which at least 70 % must match ("-30%" is exactly ⌈0.7·n⌉).</summary>
    private static JsonObject Part(QueryPart part)
    {
        var should = new JsonArray();
        foreach (var field in SearchFields.Texts)
        {
            var weight = RelevanceWeights.Of(field);
            should.Add(new JsonObject
            {
                ["match_phrase"] = new JsonObject { [field] = new JsonObject { ["query"] = part.Text, ["boost"] = weight * RelevanceWeights.PhraseFactor } },
            });
            if (!part.IsQuoted)
            {
                should.Add(new JsonObject
                {
                    ["match"] = new JsonObject
                    {
                        [field] = new JsonObject
                        {
                            ["query"] = part.Text,
                            ["minimum_should_match"] = $"-{100 - RelevanceWeights.ScatteredMinimumPercent}%",
                            ["boost"] = weight,
                        },
                    },
                });
            }
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    private static JsonArray Filters(SearchQuery query)
    {
        var filters = new JsonArray();
        void Term(string field, JsonNode? value)
        {
            if (value is not null)
            {
                filters.Add(new JsonObject { ["term"] = new JsonObject { [field] = value } });
            }
        }

        Term(SearchFields.Type, string.IsNullOrEmpty(query.Type) ? null : query.Type);
        Term(SearchFields.Verdict, string.IsNullOrEmpty(query.Verdict) ? null : query.Verdict);
        if (query.ReviewStates.Count > 0)
        {
            filters.Add(new JsonObject { ["terms"] = new JsonObject { [SearchFields.ReviewState] = new JsonArray([.. query.ReviewStates.Select(s => (JsonNode)JsonValue.Create(s))]) } });
        }

        Term(SearchFields.Edition, query.Edition);
        Term(SearchFields.Recommender, string.IsNullOrEmpty(query.Recommender) ? null : query.Recommender);
        Term(SearchFields.FindingCode, string.IsNullOrEmpty(query.FindingCode) ? null : query.FindingCode);
        if (query.SubmittedFrom is not null || query.SubmittedTo is not null)
        {
            var range = new JsonObject();
            if (query.SubmittedFrom is { } from)
            {
                range["gte"] = from.ToString("O");
            }

            if (query.SubmittedTo is { } to)
            {
                range["lte"] = to.ToString("O");
            }

            filters.Add(new JsonObject { ["range"] = new JsonObject { [SearchFields.SubmittedAt] = range } });
        }

        if (query.MinRating is { } minRating)
        {
            filters.Add(new JsonObject { ["range"] = new JsonObject { [SearchFields.Rating] = new JsonObject { ["gte"] = minRating } } });
        }

        return filters;
    }

    private static JsonArray Sort(string sort)
    {
        static JsonObject Desc(string field) => new() { [field] = new JsonObject { ["order"] = "desc" } };
        return sort switch
        {
            SearchSorts.SubmittedAt => new JsonArray(Desc(SearchFields.SubmittedAt)),
            SearchSorts.Rating => new JsonArray(Desc(SearchFields.Rating), Desc(SearchFields.SubmittedAt)),
            _ => new JsonArray(new JsonObject { ["_score"] = new JsonObject { ["order"] = "desc" } }, Desc(SearchFields.Edition), Desc(SearchFields.SubmittedAt)),
        };
    }

    private static JsonObject Aggregations()
    {
        var aggs = new JsonObject();
        foreach (var (facet, field) in s_facets)
        {
            aggs[facet] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = MaxFacetValues } };
        }

        return aggs;
    }

    private static JsonObject Highlight() => new()
    {
        ["encoder"] = "html",
        ["pre_tags"] = new JsonArray("<em>"),
        ["post_tags"] = new JsonArray("</em>"),
        ["fields"] = new JsonObject
        {
            [SearchFields.Title] = new JsonObject { ["number_of_fragments"] = 0 },
            [SearchFields.Body] = new JsonObject { ["fragment_size"] = FragmentLength, ["number_of_fragments"] = 2 },
        },
    };
}
