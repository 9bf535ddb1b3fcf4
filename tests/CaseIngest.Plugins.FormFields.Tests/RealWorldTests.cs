using System.IO.Compression;
using System.Xml.Linq;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Layout;
using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Real-world .docx files from other projects' fixtures (tests/real-world, MIT/Apache): read what can be read,
/// fail clearly on what cannot — never a crash.</summary>
public sealed class RealWorldTests
{
    private static readonly XNamespace s_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace s_w14 = "http://schemas.microsoft.com/office/word/2010/wordml";

    public static TheoryData<string> CheckboxFiles => new(Pick("A12_", "A13_", "A14_", "A15_", "A16_", "A17_", "A18_"));

    public static TheoryData<string> TableFiles => new(Pick("A20_", "A21_", "A22_", "A23_", "A24_", "A26_"));

    public static TheoryData<string> BrokenFiles => new(Pick("A31_", "A32_", "A33_", "A34_", "A35_", "A36_"));

    [Theory]
    [MemberData(nameof(CheckboxFiles))]
    public void Read_RealWorldCheckboxes_StatesMatchTheXml(string name)
    {
        var path = Path.Combine(TestPaths.RealWorld, name);
        var (ticked, unticked) = CountInXml(path);

        using var stream = File.OpenRead(path);
        var text = string.Concat(new DocxLayoutReader().Read(stream).Rows.SelectMany(r => r.Cells).Select(c => c.Text));

        Assert.True(ticked + unticked > 0);
        Assert.Equal(ticked, text.Count(c => c == '☑'));
        Assert.Equal(unticked, text.Count(c => c == '☐'));
    }

    [Fact]
    public void Read_DoclingCheckboxFixture_EightCheckedFourUnchecked()
    {
        using var stream = File.OpenRead(Path.Combine(TestPaths.RealWorld, Pick("A14_").Single()));

        var text = string.Concat(new DocxLayoutReader().Read(stream).Rows.SelectMany(r => r.Cells).Select(c => c.Text));

        Assert.Equal(8, text.Count(c => c == '☑'));
        Assert.Equal(4, text.Count(c => c == '☐'));
    }

    [Theory]
    [MemberData(nameof(CheckboxFiles))]
    [MemberData(nameof(TableFiles))]
    public async Task RunAsync_RealWorldDocxThatIsNoForm_SaysSoClearly(string name)
    {
        var record = await FormStepRunner.RunOnFileAsync(Path.Combine(TestPaths.RealWorld, name));

        Assert.Null(record.Form);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Equal(name, finding.Location!.File);
        Assert.Contains("找不到申报表", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task RunAsync_BrokenFile_UnsupportedFormFormatNamingTheProblem(string name)
    {
        var record = await FormStepRunner.RunOnFileAsync(Path.Combine(TestPaths.RealWorld, name));

        Assert.Null(record.Form);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.UnsupportedFormFormat, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(".docx", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith(name, finding.Evidence, StringComparison.Ordinal);
        var expected = name switch
        {
            _ when name.StartsWith("A32_", StringComparison.Ordinal) => "已加密",
            _ when name.StartsWith("A33_", StringComparison.Ordinal) => ".doc",
            _ when name.StartsWith("A36_", StringComparison.Ordinal) => "申报表",
            _ => "已损坏",
        };
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [SharedRealWorldFact]
    public async Task RunAsync_SharedGplFilesWhereAvailable_NeverThrow()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.SharedRealWorld!, "A*"))
        {
            var record = await FormStepRunner.RunOnFileAsync(path);
            Assert.True(record.Form is not null || record.Findings.Count == 1, Path.GetFileName(path));
        }
    }

    private static string[] Pick(params string[] prefixes) =>
        Directory.EnumerateFiles(TestPaths.RealWorld).Select(Path.GetFileName)
            .Where(n => prefixes.Any(p => n!.StartsWith(p, StringComparison.Ordinal))).Order().ToArray()!;

    /// <summary>Checkbox states counted straight from word/document.xml, independently of the plugin's reader.</summary>
    private static (int Ticked, int Unticked) CountInXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var xml = XDocument.Load(stream);
        int ticked = 0, unticked = 0;
        foreach (var box in xml.Descendants(s_w14 + "checkbox"))
        {
            var on = box.Element(s_w14 + "checked")?.Attribute(s_w14 + "val")?.Value is "1" or "true";
            _ = on ? ticked++ : unticked++;
        }

        foreach (var box in xml.Descendants(s_w + "checkBox"))
        {
            var state = box.Element(s_w + "checked") ?? box.Element(s_w + "default");
            var value = state?.Attribute(s_w + "val")?.Value;
            var on = state is not null && (value is null or "1" or "true") && !(state.Name.LocalName == "default" && value is null);
            _ = on ? ticked++ : unticked++;
        }

        return (ticked, unticked);
    }
}
