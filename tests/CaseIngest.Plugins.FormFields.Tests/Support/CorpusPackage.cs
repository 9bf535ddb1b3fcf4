using System.Text.Json;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>A corpus package on disk (a zip extracted to a temporary folder) with its expected record.</summary>
internal sealed class CorpusPackage : IDisposable
{
    private readonly CorpusSample _sample;
    private readonly TemporaryDirectory? _temp;

    public CorpusPackage(string id)
    {
        _sample = CorpusSample.Load(id);
        _temp = _sample.IsZip ? new TemporaryDirectory("formfields-corpus-") : null;
        Root = _temp is null ? _sample.PackagePath : _sample.ExtractTo(_temp.Path);
        FormFileName = _sample.Files[FileRole.Form];
    }

    public string Id => _sample.Id;

    public string Root { get; }

    public JsonElement Expected => _sample.Expected;

    public string FormFileName { get; }

    public string FormPath => AllFiles().Single(f => Path.GetFileName(f) == FormFileName);

    public IEnumerable<string> AllFiles() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories);

    /// <summary>The package's files; the expected form gets <see cref="FileRole.Form"/> when <paramref name="hostFoundForm"/>.</summary>
    public List<PackageFile> Files(bool hostFoundForm) =>
        AllFiles().Select(f => TestPackageFiles.Of(f,
            hostFoundForm && Path.GetFileName(f) == FormFileName ? FileRole.Form
            : Path.GetExtension(f) == ".json" ? FileRole.Manifest
            : Path.GetExtension(f) == ".docx" ? FileRole.Report
            : FileRole.StampPage,
            Path.GetRelativePath(Root, f).Replace('\\', '/'))).ToList();

    public void Dispose() => _temp?.Dispose();
}
