using System.IO.Compression;
using System.Text.Json;
using CaseIngest.Core.Pipeline;

namespace CaseIngest.Messaging.Enqueue;

/// <summary>Reads what the message needs from a package's manifest.json (submissionId, edition, recommender,
/// submittedAt) before the package is queued. Only these four fields; the pipeline reads the manifest in full.</summary>
public static class PackageManifestReader
{
    private const string ManifestName = "manifest.json";
    private const long MaxManifestBytes = 1024 * 1024;

    /// <summary>The manifest's metadata, or an empty one when the package has none or it cannot be read.</summary>
    public static SubmissionMetadata Read(string packagePath)
    {
        try
        {
            if (Directory.Exists(packagePath))
            {
                var file = Directory.EnumerateFiles(packagePath, ManifestName, SearchOption.AllDirectories)
                    .OrderBy(f => f.Count(c => c == Path.DirectorySeparatorChar)).FirstOrDefault();
                return file is null || new FileInfo(file).Length > MaxManifestBytes ? new SubmissionMetadata() : Parse(File.ReadAllBytes(file));
            }

            using var zip = ZipFile.OpenRead(packagePath);
            var entry = zip.Entries
                .Where(e => string.Equals(Path.GetFileName(e.FullName), ManifestName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName.Count(c => c == '/')).FirstOrDefault();
            if (entry is null || entry.Length > MaxManifestBytes)
            {
                return new SubmissionMetadata();
            }

            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Parse(buffer.ToArray());
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            // A broken manifest is the pipeline's finding to make, not a reason to refuse the package here.
            return new SubmissionMetadata();
        }
    }

    private static SubmissionMetadata Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new SubmissionMetadata();
        }

        return new SubmissionMetadata(
            SubmissionId: GetString(root, "submissionId"),
            Edition: root.TryGetProperty("edition", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var edition) ? edition : null,
            Recommender: GetString(root, "recommender"),
            SubmittedAt: root.TryGetProperty("submittedAt", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetDateTimeOffset(out var at) ? at : null);
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
