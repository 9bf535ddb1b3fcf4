using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseIngest.Bench.Corpus;

/// <summary>Copies the sample packages round-robin into N packages with new submission ids: the manifest.json of a
/// folder, or the manifest entry of a .zip, gets the new id; everything else (file names, GBK-named zip entries, scans)
/// stays byte for byte what the corpus holds.</summary>
public static class CorpusReplicator
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>Writes <paramref name="count"/> packages named <c>{prefix}{n:000}-{original}</c> into <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> Replicate(string corpusPackages, string target, int count, string prefix)
    {
        static string Name(string p) => Path.GetFileName(p.TrimEnd(Path.DirectorySeparatorChar));
        var originals = Directory.EnumerateFileSystemEntries(corpusPackages)
            .Where(p => Directory.Exists(p) || p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (originals.Count == 0)
        {
            throw new InvalidOperationException($"No packages in {corpusPackages}");
        }

        Directory.CreateDirectory(target);
        var written = new List<string>(count);
        for (var n = 1; n <= count; n++)
        {
            var original = originals[(n - 1) % originals.Count];
            var id = $"{prefix}{n:000}-{Path.GetFileNameWithoutExtension(Name(original))}";
            var destination = Path.Combine(target, Directory.Exists(original) ? id : id + ".zip");
            if (Directory.Exists(original))
            {
                CopyFolder(original, destination, id);
            }
            else
            {
                CopyZip(original, destination, id);
            }

            written.Add(destination);
        }

        return written;
    }

    private static void CopyFolder(string source, string destination, string id)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var target = Path.Combine(destination, Path.GetFileName(file));
            if (IsManifest(Path.GetFileName(file)))
            {
                File.WriteAllText(target, WithId(File.ReadAllText(file), id));
            }
            else
            {
                using var input = File.OpenRead(file);
                using var output = File.Create(target);
                input.CopyTo(output);
            }
        }
    }

    private static void CopyZip(string source, string destination, string id)
    {
        // Entries without the UTF-8 flag are GBK in this corpus; reading and writing them as GBK keeps their bytes.
        var nameEncoding = HasNonUtf8Names(source) ? Gbk() : null;
        using var input = ZipFile.Open(source, ZipArchiveMode.Read, nameEncoding);
        using var output = ZipFile.Open(destination, ZipArchiveMode.Create, nameEncoding);
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            using var from = entry.Open();
            using var to = copy.Open();
            if (IsManifest(entry.Name))
            {
                using var reader = new StreamReader(from, Encoding.UTF8);
                var bytes = Encoding.UTF8.GetBytes(WithId(reader.ReadToEnd(), id));
                to.Write(bytes);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    private static bool HasNonUtf8Names(string zip)
    {
        try
        {
            using var strict = ZipFile.Open(zip, ZipArchiveMode.Read, new UTF8Encoding(false, throwOnInvalidBytes: true));
            _ = strict.Entries.Count;
            return false;
        }
        catch (DecoderFallbackException)
        {
            return true;
        }
    }

    private static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private static bool IsManifest(string name) => string.Equals(name, "manifest.json", StringComparison.OrdinalIgnoreCase);

    private static string WithId(string manifest, string id)
    {
        var node = JsonNode.Parse(manifest)?.AsObject() ?? throw new InvalidDataException("manifest.json is not an object");
        node["submissionId"] = id;
        return node.ToJsonString(s_json);
    }
}
