using System.Text.Json;

namespace CaseIngest.Core.Tests.Conversion;

/// <summary>Sample packages as submitters send them from older or other word processors: the corpus form and report
/// saved by the real LibreOffice as .doc, .odt or .rtf (a .wps is WPS Office's name for a Word 97-2003 file), beside the
/// package's own signature page and manifest. One soffice run per format for the class.</summary>
public sealed class LegacyFormatPackages : IAsyncLifetime
{
    /// <summary>Per case: the corpus package, the format its form is saved in, the format its report is saved in.</summary>
    public static readonly (string Id, string Form, string Report)[] Cases =
    [
        ("D04", "doc", "odt"),
        ("D10", "rtf", "doc"),
        ("D12", "odt", "rtf"),
        ("D13", "doc", "doc"),
        ("D14", "wps", "doc"),
    ];

    private readonly TemporaryDirectory _root = new("caseingest-legacy-");

    /// <summary>The package folder of a case.</summary>
    public string PackageOf(string id) => Path.Combine(_root.Path, "packages", id);

    /// <summary>The names the form and report have in a case's package.</summary>
    public Dictionary<string, (string Form, string Report)> Names { get; } = [];

    public async Task InitializeAsync()
    {
        if (LibreOffice.Executable is null)
        {
            return;
        }

        var staging = Path.Combine(_root.Path, "staging");
        Directory.CreateDirectory(staging);
        var jobs = new List<(string Source, string Format, string Package, string Name)>();
        foreach (var (id, formFormat, reportFormat) in Cases)
        {
            var sample = CorpusSample.Load(id);
            var package = PackageOf(id);
            Directory.CreateDirectory(package);
            var extracted = sample.ExtractTo(Path.Combine(_root.Path, "extracted", id));
            foreach (var file in Directory.EnumerateFiles(extracted, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (name == sample.Files[Abstractions.Records.FileRole.Form] || name == sample.Files[Abstractions.Records.FileRole.Report])
                {
                    var isForm = name == sample.Files[Abstractions.Records.FileRole.Form];
                    var source = Path.Combine(staging, $"{id}-{(isForm ? "form" : "report")}.docx");
                    File.Copy(file, source);
                    jobs.Add((source, isForm ? formFormat : reportFormat, package, Path.GetFileNameWithoutExtension(name)));
                }
                else
                {
                    File.Copy(file, Path.Combine(package, name));
                }
            }
        }

        // LibreOffice's .doc export drops the tables of a .docx it has just imported (not of an .odt): the .doc files are
        // saved from the .odt, as a document that lived in LibreOffice before it was sent as .doc.
        var viaOdt = jobs.Where(j => j.Format is "doc" or "wps").Select(j => j.Source).ToList();
        var odtFolder = Path.Combine(staging, "via-odt");
        Directory.CreateDirectory(odtFolder);
        var odts = viaOdt.Count == 0 ? [] : await LibreOffice.ConvertAsync(viaOdt, odtFolder, "odt");
        var sources = viaOdt.Zip(odts).ToDictionary(pair => pair.First, pair => pair.Second);
        foreach (var group in jobs.GroupBy(j => j.Format == "wps" ? "doc" : j.Format))
        {
            var output = Path.Combine(staging, group.Key);
            Directory.CreateDirectory(output);
            var converted = await LibreOffice.ConvertAsync(group.Select(j => sources.GetValueOrDefault(j.Source, j.Source)).ToList(), output, group.Key);
            foreach (var (job, path) in group.Zip(converted))
            {
                File.Move(path, Path.Combine(job.Package, job.Name + "." + job.Format));
            }
        }

        foreach (var (id, formFormat, reportFormat) in Cases)
        {
            var sample = CorpusSample.Load(id);
            Names[id] = (Path.GetFileNameWithoutExtension(sample.Files[Abstractions.Records.FileRole.Form]) + "." + formFormat,
                Path.GetFileNameWithoutExtension(sample.Files[Abstractions.Records.FileRole.Report]) + "." + reportFormat);
        }
    }

    /// <summary>The expected record of a case.</summary>
    public static JsonElement Expected(string id) => CorpusSample.Load(id).Expected;

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
