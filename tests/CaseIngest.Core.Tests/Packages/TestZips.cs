using System.IO.Compression;
using System.Text;

namespace CaseIngest.Core.Tests.Packages;

/// <summary>Builds real zip files for the malformed-package tests.</summary>
internal static class TestZips
{
    public static string Create(string path, Action<ZipArchive> fill, Encoding? entryNameEncoding = null)
    {
        using (var stream = File.Create(path))
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding))
        {
            fill(archive);
        }

        return path;
    }

    public static ZipArchiveEntry Add(ZipArchive archive, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = archive.CreateEntry(name, level);
        using var stream = entry.Open();
        stream.Write(content);
        return entry;
    }

    public static ZipArchiveEntry Add(ZipArchive archive, string name, string content) => Add(archive, name, Encoding.UTF8.GetBytes(content));
}
