using System.Text.Json;

namespace CaseIngest.Messaging.Contracts;

/// <summary>Reads and validates a message body. A message that fails here can never succeed, so it is dead-lettered
/// at once with <see cref="MessageReadResult.Error"/> as its reason.</summary>
public static class SubmissionMessageReader
{
    private const int MaxSubmissionIdLength = 200;

    public static MessageReadResult Read(ReadOnlySpan<byte> body, string? contentType)
    {
        if (contentType is not null && !contentType.StartsWith(SubmissionMessage.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return MessageReadResult.Invalid($"content type '{contentType}' is not {SubmissionMessage.ContentType}");
        }

        if (body.IsEmpty)
        {
            return MessageReadResult.Invalid("the message body is empty");
        }

        SubmissionMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<SubmissionMessage>(body, SubmissionMessage.JsonOptions);
        }
        catch (JsonException ex)
        {
            // JsonException covers missing required properties and wrong types as well as broken JSON.
            return MessageReadResult.Invalid($"the body is not a submission message: {ex.Message}");
        }

        if (message is null)
        {
            return MessageReadResult.Invalid("the body is JSON null");
        }

        var problem = Validate(message);
        return problem is null ? MessageReadResult.Valid(message) : MessageReadResult.Invalid(problem);
    }

    private static string? Validate(SubmissionMessage message)
    {
        if (message.SchemaVersion != SubmissionMessage.CurrentSchemaVersion)
        {
            return $"schemaVersion {message.SchemaVersion} is not supported (expected {SubmissionMessage.CurrentSchemaVersion})";
        }

        if (string.IsNullOrWhiteSpace(message.SubmissionId))
        {
            return "submissionId is empty";
        }

        if (message.SubmissionId.Length > MaxSubmissionIdLength || message.SubmissionId.Any(char.IsControl))
        {
            return "submissionId is longer than 200 characters or holds control characters";
        }

        if (string.IsNullOrWhiteSpace(message.PackageUri))
        {
            return "packageUri is empty";
        }

        if (message.Edition is <= 0)
        {
            return $"edition {message.Edition} is not a positive number";
        }

        return null;
    }
}

/// <summary>A message that was read, or why it could not be.</summary>
public sealed record MessageReadResult(SubmissionMessage? Message, string? Error)
{
    public static MessageReadResult Valid(SubmissionMessage message) => new(message, null);

    public static MessageReadResult Invalid(string error) => new(null, error);
}
