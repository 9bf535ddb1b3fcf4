using CaseIngest.Search.Documents;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The index template every versioned index <c>{alias}-v{n}</c> is created from: the analysis and the mappings
/// of <see cref="CaseDocument"/>. Strict mappings: a field nobody declared is a bug, not a new column.</summary>
internal static class ElasticsearchIndexDefinition
{
    public const string IndexAnalyzer = "caseingest_index";
    public const string SearchAnalyzer = "caseingest_search";
    private const string BigramsAndUnigrams = "caseingest_bigrams_unigrams";

    public static string TemplateName(string alias) => alias + "-template";

    public static string IndexPattern(string alias) => alias + "-v*";

    public static PutIndexTemplateRequest Template(string alias, string analyzer) => new(TemplateName(alias))
    {
        IndexPatterns = IndexPattern(alias),
        Priority = 200,
        Template = new IndexTemplateMapping
        {
            Settings = new IndexSettings { NumberOfShards = 1, Analysis = Analysis(analyzer) },
            Mappings = Mappings(),
        },
        Meta = new Dictionary<string, object> { ["description"] = "CaseIngest case records", ["analyzer"] = analyzer },
    };

    public static TypeMapping Mappings()
    {
        TextProperty Text() => new() { Analyzer = IndexAnalyzer, SearchAnalyzer = SearchAnalyzer };
        return new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                { SearchFields.SubmissionId, new KeywordProperty() },
                { SearchFields.Title, Text() },
                { SearchFields.Headings, Text() },
                { SearchFields.Body, Text() },
                { SearchFields.Form, Text() },
                { SearchFields.Findings, Text() },
                { SearchFields.Pages, Text() },
                { SearchFields.Classification, Text() },
                { SearchFields.Type, new KeywordProperty() },
                { SearchFields.Verdict, new KeywordProperty() },
                { SearchFields.ReviewState, new KeywordProperty() },
                { SearchFields.Edition, new IntegerNumberProperty() },
                { SearchFields.Recommender, new KeywordProperty() },
                { SearchFields.FindingCode, new KeywordProperty() },
                { SearchFields.SubmittedAt, new DateProperty() },
                { SearchFields.Rating, new IntegerNumberProperty() },
                // The whole record is kept in _source but not indexed: searches go through the fields above.
                { SearchFields.Record, new ObjectProperty { Enabled = false } },
            },
        };
    }

    /// <summary>Two analyzers named the same whatever the choice, so mappings and queries never change: with <c>cjk</c>
    /// the index side keeps unigrams next to the bigrams (one-character queries) and the search side makes bigrams only,
    /// as the Lucene backend does; <c>smartcn</c> and <c>ik</c> need their plugins installed on the cluster.</summary>
    public static IndexSettingsAnalysis Analysis(string analyzer) => analyzer switch
    {
        "smartcn" => Analyzers(Custom("smartcn_tokenizer", "lowercase"), Custom("smartcn_tokenizer", "lowercase")),
        "ik" => Analyzers(Custom("ik_max_word", "lowercase"), Custom("ik_smart", "lowercase")),
        _ => new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters { { BigramsAndUnigrams, new CjkBigramTokenFilter { OutputUnigrams = true } } },
            Analyzers = new Analyzers
            {
                { IndexAnalyzer, Custom("standard", "cjk_width", "lowercase", BigramsAndUnigrams) },
                { SearchAnalyzer, Custom("standard", "cjk_width", "lowercase", "cjk_bigram") },
            },
        },
    };

    private static IndexSettingsAnalysis Analyzers(CustomAnalyzer index, CustomAnalyzer search) => new()
    {
        Analyzers = new Analyzers { { IndexAnalyzer, index }, { SearchAnalyzer, search } },
    };

    private static CustomAnalyzer Custom(string tokenizer, params string[] filters) => new() { Tokenizer = tokenizer, Filter = filters };
}
