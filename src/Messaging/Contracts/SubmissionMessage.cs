using System.Text.Json.Serialization;
using System.Text.Json;

namespace CaseIngest.Messaging.Contracts;

/// <summary>The body of a submissions-queue message (content type <c>application/json</c>, message id =
/// <see cref="SubmissionId"/> plus a unique suffix). Schema version 1.</summary>
public sealed record SubmissionMessage
{
    public const int CurrentSchemaVersion = 1;
    public const string ContentType = "application/json";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string SubmissionId { get; init; }

    /// <summary>A path inside the inbox (absolute, or relative to it), a <c>file://</c> URI inside the inbox, or an
    /// <c>http(s)://</c> URL of a .zip.</summary>
    public required string PackageUri { get; init; }

    public int? Edition { get; init; }
    public string? Recommender { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
