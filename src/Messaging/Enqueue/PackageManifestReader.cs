using System.IO.Compression;
using CaseIngest.Core.Packages;
using CaseIngest.Core.Pipeline;

namespace CaseIngest.Messaging.Enqueue;

/// <summary>Finds a package's manifest.json (folder or zip, the shallowest one) so that its submissionId and the rest
/// can go into the queue message; the manifest itself is read by the core's <see cref="PackageManifest"/>.</summary>
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
                return file is null || new FileInfo(file).Length > MaxManifestBytes ? new SubmissionMetadata() : ToMetadata(PackageManifest.TryRead(file));
            }

            using var zip = ZipFile.OpenRead(packagePath);
            var entry = zip.Entries
                .Where(e => string.Equals(Path.GetFileName(e.FullName), ManifestName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName.Count(c => c == '/')).FirstOrDefault();
            if (entry is null || entry.Length > MaxManifestBytes)
            {
                return new SubmissionMetadata();
            }

            var temporary = Path.Combine(Path.GetTempPath(), $"caseingest-manifest-{Guid.NewGuid():N}.json");
            try
            {
                entry.ExtractToFile(temporary);
                return ToMetadata(PackageManifest.TryRead(temporary));
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A broken package is the pipeline's finding to make, not a reason to refuse it here.
            return new SubmissionMetadata();
        }
    }

    private static SubmissionMetadata ToMetadata(PackageManifest? manifest) =>
        manifest is null
            ? new SubmissionMetadata()
            : new SubmissionMetadata(string.IsNullOrWhiteSpace(manifest.SubmissionId) ? null : manifest.SubmissionId,
                manifest.Edition, manifest.Recommender, manifest.SubmittedAt);
}
