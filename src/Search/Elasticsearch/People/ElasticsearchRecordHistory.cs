using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.History;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>The earlier versions' records in Elasticsearch (<c>Search:Provider=Elasticsearch</c>): the index
/// <c>{Alias}-history</c> of its own, one document per submission and package version, the record kept whole as its
/// own JSON (not indexed).</summary>
public sealed class ElasticsearchRecordHistory(ElasticsearchConnection connection, IOptions<SearchOptions> options, TimeProvider clock)
    : IRecordHistory, IDisposable
{
    private readonly ElasticsearchOwnIndex _index = new(connection, options.Value.Elasticsearch.Alias + "-history", RecordVersionSource.Mappings());

    public string Index => _index.Name;

    public async Task KeepAsync(CaseRecord superseded, CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken);
        var source = new RecordVersionSource
        {
            SubmissionId = superseded.SubmissionId,
            PackageVersion = superseded.PackageVersion,
            PackageSha256 = superseded.PackageSha256,
            KeptAt = clock.GetUtcNow(),
            Record = JsonSerializer.SerializeToElement(superseded, CaseRecordJson.Options),
        };
        var id = superseded.SubmissionId + "~" + superseded.PackageVersion.ToString(CultureInfo.InvariantCulture);
        await connection.BulkAsync([new BulkIndexOperation<RecordVersionSource>(source, Index) { Id = id }], cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(string submissionId, CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken);
        var records = new List<CaseRecord>();
        await foreach (var hit in connection.SearchAllAsync<RecordVersionSource>(Index, new TermQuery(RecordVersionSource.SubmissionIdField, submissionId),
                           RecordVersionSource.PackageVersionField, null, cancellationToken))
        {
            records.Add(hit.Source!.Record.Deserialize<CaseRecord>(CaseRecordJson.Options)
                        ?? throw new JsonException($"A kept record of {submissionId} in {Index} was null"));
        }

        return records;
    }

    public void Dispose() => _index.Dispose();

    internal sealed class RecordVersionSource
    {
        public const string SubmissionIdField = "submissionId";
        public const string PackageVersionField = "packageVersion";

        [JsonPropertyName(SubmissionIdField)]
        public string SubmissionId { get; init; } = "";

        [JsonPropertyName(PackageVersionField)]
        public int PackageVersion { get; init; }

        [JsonPropertyName("packageSha256")]
        public string? PackageSha256 { get; init; }

        [JsonPropertyName("keptAt")]
        public DateTimeOffset KeptAt { get; init; }

        [JsonPropertyName("record")]
        public JsonElement Record { get; init; }

        public static TypeMapping Mappings() => new()
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                { SubmissionIdField, new KeywordProperty() },
                { PackageVersionField, new IntegerNumberProperty() },
                { "packageSha256", new KeywordProperty() },
                { "keptAt", new DateProperty() },
                { "record", new ObjectProperty { Enabled = false } },
            },
        };
    }
}
