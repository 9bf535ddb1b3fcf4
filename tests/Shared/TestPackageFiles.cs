using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Testing;

/// <summary>Files on disk as the host hands them to a step.</summary>
internal static class TestPackageFiles
{
    /// <summary>The file at <paramref name="path"/> with <paramref name="role"/>, named <paramref name="name"/> in the
    /// package (its file name by default).</summary>
    public static PackageFile Of(string path, FileRole role, string? name = null) =>
        new(name ?? Path.GetFileName(path), path, role, "", new FileInfo(path).Length);
}
