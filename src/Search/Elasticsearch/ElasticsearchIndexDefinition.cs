using System.Text.Json.Nodes;
using CaseIngest.Search.Documents;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The index template every versioned index <c>{alias}-v{n}</c> is created from: the analysis and the mappings
/// of <see cref="CaseDocument"/>. Strict mappings: a field nobody declared is a bug, not a new column.</summary>
internal static class ElasticsearchIndexDefinition
{
    public const string IndexAnalyzer = "caseingest_index";
    public const string SearchAnalyzer = "caseingest_search";

    public static string TemplateName(string alias) => alias + "-template";

    public static string IndexPattern(string alias) => alias + "-v*";

    public static JsonObject Template(string alias, string analyzer) => new()
    {
        ["index_patterns"] = new JsonArray(IndexPattern(alias)),
        ["priority"] = 200,
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["number_of_shards"] = 1,
                ["analysis"] = Analysis(analyzer),
            },
            ["mappings"] = Mappings(),
        },
        ["_meta"] = new JsonObject { ["description"] = "CaseIngest case records", ["analyzer"] = analyzer },
    };

    public static JsonObject Mappings()
    {
        var text = () => new JsonObject { ["type"] = "text", ["analyzer"] = IndexAnalyzer, ["search_analyzer"] = SearchAnalyzer };
        var keyword = () => new JsonObject { ["type"] = "keyword" };
        return new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                [SearchFields.SubmissionId] = keyword(),
                [SearchFields.Title] = text(),
                [SearchFields.Headings] = text(),
                [SearchFields.Body] = text(),
                [SearchFields.Type] = keyword(),
                [SearchFields.Verdict] = keyword(),
                [SearchFields.ReviewState] = keyword(),
                [SearchFields.Edition] = new JsonObject { ["type"] = "integer" },
                [SearchFields.Recommender] = keyword(),
                [SearchFields.FindingCode] = keyword(),
                [SearchFields.SubmittedAt] = new JsonObject { ["type"] = "date" },
                [SearchFields.Rating] = new JsonObject { ["type"] = "integer" },
                // The whole record is kept in _source but not indexed: searches go through the fields above.
                [SearchFields.Record] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            },
        };
    }

    /// <summary>Two analyzers named the same whatever the choice, so mappings and queries never change: with <c>cjk</c>
    /// the index side keeps unigrams next to the bigrams (one-character queries) and the search side makes bigrams only,
    /// as the Lucene backend does; <c>smartcn</c> and <c>ik</c> need their plugins installed on the cluster.</summary>
    public static JsonObject Analysis(string analyzer) => analyzer switch
    {
        "smartcn" => Analyzers(Custom("smartcn_tokenizer", "lowercase"), Custom("smartcn_tokenizer", "lowercase")),
        "ik" => Analyzers(Custom("ik_max_word", "lowercase"), Custom("ik_smart", "lowercase")),
        _ => new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["caseingest_bigrams_unigrams"] = new JsonObject { ["type"] = "cjk_bigram", ["output_unigrams"] = true },
            },
            ["analyzer"] = new JsonObject
            {
                [IndexAnalyzer] = Custom("standard", "cjk_width", "lowercase", "caseingest_bigrams_unigrams"),
                [SearchAnalyzer] = Custom("standard", "cjk_width", "lowercase", "cjk_bigram"),
            },
        },
    };

    private static JsonObject Analyzers(JsonObject index, JsonObject search) => new()
    {
        ["analyzer"] = new JsonObject { [IndexAnalyzer] = index, [SearchAnalyzer] = search },
    };

    private static JsonObject Custom(string tokenizer, params string[] filters) => new()
    {
        ["type"] = "custom",
        ["tokenizer"] = tokenizer,
        ["filter"] = new JsonArray(filters.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
    };
}
