using System.Text.Json;

namespace CaseIngest.Core.Packages;

/// <summary>The submission system's manifest.json. <c>directSubmission: true</c> says a 智工委 member unit submits its
/// own case (DESIGN.md, <c>direct_submission</c>).</summary>
public sealed record PackageManifest(string? SubmissionId, int? Edition, string? Recommender, DateTimeOffset? SubmittedAt,
    bool? DirectSubmission = null)
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Reads a manifest; null when it is not one (the detector already checked its shape).</summary>
    public static PackageManifest? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PackageManifest>(File.ReadAllBytes(path), s_options);
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }
}
