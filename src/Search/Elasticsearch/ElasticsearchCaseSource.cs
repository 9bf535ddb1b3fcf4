using System.Text.Json;
using System.Text.Json.Serialization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>A case's <c>_source</c>: the fields <see cref="ElasticsearchIndexDefinition.Mappings"/> indexes, and the
/// whole record as the record's own JSON (<see cref="CaseRecordJson"/>), kept but not indexed and read back whole.</summary>
internal sealed class ElasticsearchCaseSource
{
    [JsonPropertyName(SearchFields.SubmissionId)]
    public string? SubmissionId { get; init; }

    [JsonPropertyName(SearchFields.Title)]
    public string? Title { get; init; }

    [JsonPropertyName(SearchFields.Headings)]
    public string? Headings { get; init; }

    [JsonPropertyName(SearchFields.Body)]
    public string? Body { get; init; }

    [JsonPropertyName(SearchFields.Form)]
    public string? Form { get; init; }

    [JsonPropertyName(SearchFields.Findings)]
    public string? Findings { get; init; }

    [JsonPropertyName(SearchFields.Pages)]
    public string? Pages { get; init; }

    [JsonPropertyName(SearchFields.Classification)]
    public string? Classification { get; init; }

    [JsonPropertyName(SearchFields.Type)]
    public string? Type { get; init; }

    [JsonPropertyName(SearchFields.Verdict)]
    public string? Verdict { get; init; }

    [JsonPropertyName(SearchFields.ReviewState)]
    public string? ReviewState { get; init; }

    [JsonPropertyName(SearchFields.Edition)]
    public int? Edition { get; init; }

    [JsonPropertyName(SearchFields.Recommender)]
    public string? Recommender { get; init; }

    [JsonPropertyName(SearchFields.FindingCode)]
    public IReadOnlyList<string>? FindingCodes { get; init; }

    [JsonPropertyName(SearchFields.SubmittedAt)]
    public DateTimeOffset? SubmittedAt { get; init; }

    [JsonPropertyName(SearchFields.Rating)]
    public int? Rating { get; init; }

    /// <summary>Written with the record's own serializer options, so the stored record is the same JSON as the record
    /// file whatever the client's serializer does with the other fields.</summary>
    [JsonPropertyName(SearchFields.Record)]
    public JsonElement Record { get; init; }

    public static ElasticsearchCaseSource From(CaseRecord record)
    {
        var document = CaseDocument.From(record);
        return new ElasticsearchCaseSource
        {
            SubmissionId = document.SubmissionId,
            Title = document.Title,
            Headings = document.Headings,
            Body = document.Body,
            Form = document.Form,
            Findings = document.Findings,
            Pages = document.Pages,
            Classification = document.Classification,
            Type = document.Type,
            Verdict = document.Verdict,
            ReviewState = document.ReviewState,
            Edition = document.Edition,
            Recommender = document.Recommender,
            FindingCodes = document.FindingCodes,
            SubmittedAt = document.SubmittedAt,
            Rating = document.Rating,
            Record = JsonSerializer.SerializeToElement(record, CaseRecordJson.Options),
        };
    }

    public CaseRecord ToRecord() =>
        Record.ValueKind == JsonValueKind.Object
            ? Record.Deserialize<CaseRecord>(CaseRecordJson.Options) ?? throw new JsonException("A stored case record was null")
            : throw new JsonException($"A stored case has no record (its _source holds {Record.ValueKind})");
}
