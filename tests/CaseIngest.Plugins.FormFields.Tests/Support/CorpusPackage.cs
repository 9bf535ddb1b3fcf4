using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>A corpus package on disk (zips extracted to a temporary folder, GBK names decoded) with its expected record.</summary>
internal sealed class CorpusPackage : IDisposable
{
    private readonly string? _temp;

    static CorpusPackage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CorpusPackage(string id)
    {
        Id = id;
        var path = TestPaths.CorpusPackage(id);
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            _temp = Directory.CreateTempSubdirectory("formfields-corpus-").FullName;
            // Entries without the UTF-8 flag are GBK, as Windows tools write them.
            ZipFile.ExtractToDirectory(path, _temp, Encoding.GetEncoding("GB18030"), overwriteFiles: true);
            Root = _temp;
        }
        else
        {
            Root = path;
        }

        Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CorpusExpected, id + ".json"))).RootElement.Clone();
        FormFileName = Expected.GetProperty("files").GetProperty("form").GetString()!;
    }

    public string Id { get; }

    public string Root { get; }

    public JsonElement Expected { get; }

    public string FormFileName { get; }

    public string FormPath => AllFiles().Single(f => Path.GetFileName(f) == FormFileName);

    public IEnumerable<string> AllFiles() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories);

    /// <summary>The package's files; the expected form gets <see cref="FileRole.Form"/> when <paramref name="hostFoundForm"/>.</summary>
    public List<PackageFile> Files(bool hostFoundForm) =>
        AllFiles().Select(f => FormStepRunner.FileOf(f,
            hostFoundForm && Path.GetFileName(f) == FormFileName ? FileRole.Form
            : Path.GetExtension(f) == ".json" ? FileRole.Manifest
            : Path.GetExtension(f) == ".docx" ? FileRole.Report
            : FileRole.StampPage,
            Path.GetRelativePath(Root, f).Replace('\\', '/'))).ToList();

    public void Dispose()
    {
        if (_temp is not null)
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
