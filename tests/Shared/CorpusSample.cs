using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Testing;

/// <summary>One sample of the corpus: its package (a folder or a zip) and its expected record
/// (<c>tests/corpus/expected/&lt;id&gt;.json</c>, or tests/corpus-extra/ for E…), whose <c>files</c> name the form, report and stamp page.</summary>
internal sealed class CorpusSample
{
    // Zip entries without the UTF-8 flag are GBK, as Windows tools write them; GB18030 decodes every GBK name.
    private static readonly Encoding s_entryNames;

    static CorpusSample()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        s_entryNames = Encoding.GetEncoding("GB18030");
    }

    private CorpusSample(string id, JsonElement expected)
    {
        Id = id;
        Expected = expected;
        PackagePath = TestPaths.CorpusPackage(id);
        var files = expected.GetProperty("files");
        Files = new Dictionary<FileRole, string>
        {
            [FileRole.Form] = files.GetProperty("form").GetString()!,
            [FileRole.Report] = files.GetProperty("report").GetString()!,
            [FileRole.StampPage] = files.GetProperty("stamp").GetString()!,
        };
    }

    public string Id { get; }

    /// <summary>The root of the expected record.</summary>
    public JsonElement Expected { get; }

    /// <summary>The package as it is in the corpus: the folder Dnn or the file Dnn.zip.</summary>
    public string PackagePath { get; }

    public bool IsZip => !Directory.Exists(PackagePath);

    /// <summary>The expected record's <c>files</c>: the names of the form, the report and the stamp page.</summary>
    public IReadOnlyDictionary<FileRole, string> Files { get; }

    public static CorpusSample Load(string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.ExpectedRecord(id)));
        return new CorpusSample(id, json.RootElement.Clone());
    }

    /// <summary>The bytes of the package's file called <paramref name="name"/> (wherever it is in the package).</summary>
    public byte[] ReadFile(string name)
    {
        if (!IsZip)
        {
            return File.ReadAllBytes(Directory.EnumerateFiles(PackagePath, "*", SearchOption.AllDirectories)
                .Single(f => Path.GetFileName(f) == name));
        }

        using var zip = OpenZip();
        using var entry = zip.Entries.Single(e => e.Name == name).Open();
        using var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Puts the package's file called <paramref name="name"/> into <paramref name="folder"/> as <c>&lt;id&gt;-&lt;name&gt;</c>;
    /// a folder package's file is used where it is.</summary>
    public string ExtractFile(string name, string folder)
    {
        if (!IsZip)
        {
            return Directory.EnumerateFiles(PackagePath, "*", SearchOption.AllDirectories).Single(f => Path.GetFileName(f) == name);
        }

        var target = Path.Combine(folder, Id + "-" + name);
        File.WriteAllBytes(target, ReadFile(name));
        return target;
    }

    /// <summary>Extracts a zip package into <paramref name="folder"/> and returns it; a folder package is returned as it is.</summary>
    public string ExtractTo(string folder)
    {
        if (!IsZip)
        {
            return PackagePath;
        }

        ZipFile.ExtractToDirectory(PackagePath, folder, s_entryNames, overwriteFiles: true);
        return folder;
    }

    private ZipArchive OpenZip() => ZipFile.Open(PackagePath, ZipArchiveMode.Read, s_entryNames);
}
