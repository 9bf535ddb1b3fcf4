using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Search.Configuration;

/// <summary>The <c>Search</c> section: which backend, and where it lives.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary><see cref="SearchProviders.Lucene"/> (default) or <see cref="SearchProviders.Elasticsearch"/>.</summary>
    [Required]
    [AllowedValues(SearchProviders.Lucene, SearchProviders.Elasticsearch)]
    public string Provider { get; set; } = SearchProviders.Lucene;

    public LuceneOptions Lucene { get; set; } = new();

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

/// <summary>The values of <see cref="SearchOptions.Provider"/>.</summary>
public static class SearchProviders
{
    public const string Lucene = "Lucene";
    public const string Elasticsearch = "Elasticsearch";
}

/// <summary><c>Search:Lucene</c>.</summary>
public sealed class LuceneOptions
{
    /// <summary>The index root: it holds one versioned directory per build and the pointer to the current one.</summary>
    [Required]
    public string Path { get; set; } = "./data/index";

    /// <summary>How long a save's commit may wait, in milliseconds: a save is durable when it returns (its record is in
    /// the write journal, flushed to the disk) and searchable in this process at once (a search commits what is
    /// pending first); other processes reading the index (the web app beside a worker) see it after the commit. One
    /// commit then covers many saves: a commit per save was most of a package's indexing cost. 0: every save commits.</summary>
    [Range(0, 60_000)]
    public int CommitDelayMs { get; set; } = 1_000;
}

/// <summary><c>Search:Elasticsearch</c>.</summary>
public sealed class ElasticsearchOptions
{
    /// <summary>The cluster's nodes (<c>Urls:0</c>, <c>Urls:1</c>…): requests are spread over them and fail over when
    /// one is down. All on one scheme.</summary>
    public List<Uri> Urls { get; set; } = [];

    /// <summary>One node, as before <see cref="Urls"/> existed; used when <see cref="Urls"/> is empty.</summary>
    public Uri? Url { get; set; }

    /// <summary><c>static</c>: the configured nodes only; <c>sniffing</c>: asks the cluster for its nodes when one
    /// fails (the published addresses must be reachable from here).</summary>
    [AllowedValues(ElasticsearchNodePools.Static, ElasticsearchNodePools.Sniffing)]
    public string NodePool { get; set; } = ElasticsearchNodePools.Static;

    /// <summary>An API key (the base64 "id:key" form Elasticsearch returns as <c>encoded</c>); wins over basic auth.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A PEM file of the CA that signed the cluster's certificate (the one Elasticsearch generates on first start).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The alias searches and writes go through; the versioned indices behind it are named <c>{Alias}-v{n}</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]*$")]
    public string Alias { get; set; } = "caseingest-cases";

    /// <summary><c>cjk</c> (stock Elasticsearch), <c>smartcn</c> (analysis-smartcn plugin) or <c>ik</c> (analysis-ik plugin).</summary>
    [AllowedValues("cjk", "smartcn", "ik")]
    public string Analyzer { get; set; } = "cjk";

    /// <summary>Retries of a request answered 429 or 5xx (and of bulk items refused with 429), with exponential
    /// backoff or the server's Retry-After. The client itself only moves on to another node.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The nodes to connect to: <see cref="Urls"/>, else <see cref="Url"/>, else a local node.</summary>
    public IReadOnlyList<Uri> NodeUris() => Urls.Count > 0 ? Urls : [Url ?? new Uri("http://localhost:9200")];
}

/// <summary>The values of <see cref="ElasticsearchOptions.NodePool"/>.</summary>
public static class ElasticsearchNodePools
{
    public const string Static = "static";
    public const string Sniffing = "sniffing";
}
