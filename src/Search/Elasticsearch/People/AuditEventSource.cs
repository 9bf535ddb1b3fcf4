using System.Text.Json.Serialization;
using CaseIngest.Search.Audit;
using Elastic.Clients.Elasticsearch.Mapping;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>An <see cref="AuditEvent"/> as stored in <c>{Alias}-audit</c>: names fixed here, whatever the client's
/// serializer does with property names.</summary>
internal sealed class AuditEventSource
{
    public const string SequenceField = "sequence";
    public const string SubmissionIdField = "submissionId";

    [JsonPropertyName(SequenceField)]
    public long Sequence { get; init; }

    [JsonPropertyName(SubmissionIdField)]
    public string SubmissionId { get; init; } = "";

    [JsonPropertyName("actor")]
    public string Actor { get; init; } = "";

    [JsonPropertyName("role")]
    public string Role { get; init; } = "";

    [JsonPropertyName("at")]
    public DateTimeOffset At { get; init; }

    [JsonPropertyName("what")]
    public string What { get; init; } = "";

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("before")]
    public string? Before { get; init; }

    [JsonPropertyName("after")]
    public string? After { get; init; }

    [JsonPropertyName("revision")]
    public long Revision { get; init; }

    [JsonPropertyName("packageVersion")]
    public int PackageVersion { get; init; }

    /// <summary>Strict: the events' fields and the counter's <c>next</c>; values are kept whole but only the short
    /// ones are indexed (a long reason is read back, not searched).</summary>
    public static TypeMapping Mappings() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { SequenceField, new LongNumberProperty() },
            { SubmissionIdField, new KeywordProperty() },
            { "actor", new KeywordProperty() },
            { "role", new KeywordProperty() },
            { "at", new DateProperty() },
            { "what", new KeywordProperty() },
            { "subject", new KeywordProperty { IgnoreAbove = 1024 } },
            { "before", new KeywordProperty { IgnoreAbove = 1024 } },
            { "after", new KeywordProperty { IgnoreAbove = 1024 } },
            { "revision", new LongNumberProperty() },
            { "packageVersion", new IntegerNumberProperty() },
            { "next", new LongNumberProperty() },
        },
    };

    public static AuditEventSource From(AuditEvent e, long sequence) => new()
    {
        Sequence = sequence, SubmissionId = e.SubmissionId, Actor = e.Actor, Role = e.Role, At = e.At, What = e.What,
        Subject = e.Subject, Before = e.Before, After = e.After, Revision = e.Revision, PackageVersion = e.PackageVersion,
    };

    public AuditEvent ToEvent() => new()
    {
        Sequence = Sequence, SubmissionId = SubmissionId, Actor = Actor, Role = Role, At = At, What = What,
        Subject = Subject, Before = Before, After = After, Revision = Revision, PackageVersion = PackageVersion,
    };
}
