using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Conversion;

/// <summary>Issue #17: what becomes of a legacy document that cannot be converted, and of one converted before.</summary>
public sealed class DocumentConversionTests : IDisposable
{
    private readonly TestHostFolder _host = new();

    [LibreOfficeFact]
    public async Task Process_DamagedDocForm_UnsupportedFormFormatNamesFileAndReason_Issue17()
    {
        // GIVEN a package whose form is a damaged .doc (an OLE header, a WordDocument stream name, then noise)
        var package = PackageWithoutForm("D01");
        var noise = new Random(17);
        var bytes = new byte[6000];
        noise.NextBytes(bytes);
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        header.CopyTo(bytes, 0);
        System.Text.Encoding.Unicode.GetBytes("WordDocument").CopyTo(bytes, 2048);
        await File.WriteAllBytesAsync(Path.Combine(package, "申报表.doc"), bytes);
        await using var core = RealPlugins();

        // WHEN it is processed
        var record = await core.ProcessAsync(package);

        // THEN the form is reported unreadable after a failed conversion, naming the file; nothing is said to be converted
        var finding = Assert.Single(record.Findings, f => f.Code == FindingCodes.UnsupportedFormFormat);
        Assert.Equal("申报表.doc", finding.Location?.File);
        Assert.Contains("申报表.doc", finding.Message, StringComparison.Ordinal);
        Assert.Contains("无法转换为 .docx", finding.Message, StringComparison.Ordinal);
        Assert.Contains("LibreOffice", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Findings, f => f.Code == FindingCodes.ConvertedDocument);
        Assert.Null(Assert.Single(record.Files, f => f.Name == "申报表.doc").ConvertedFrom);
        Assert.Equal(Verdict.Rejected, record.Verdict);
    }

    [LibreOfficeFact]
    public async Task Process_SameDocAgain_ReadFromConversionCacheWithoutLibreOffice_Issue17()
    {
        // GIVEN a package whose form is a .doc, processed once with LibreOffice
        var package = PackageWithoutForm("D01");
        var docx = Path.Combine(_host.NewFolder("docx"), "申报表.docx");
        File.Copy(Path.Combine(TestPaths.CorpusPackage("D01"), "申报表.docx"), docx);
        var odt = await LibreOffice.ConvertAsync([docx], _host.NewFolder("odt"), "odt");
        var doc = await LibreOffice.ConvertAsync(odt, _host.NewFolder("doc"), "doc");
        File.Copy(doc[0], Path.Combine(package, "申报表.doc"));
        CaseRecord first;
        await using (var core = RealPlugins())
        {
            first = await core.ProcessAsync(package);
        }

        // WHEN it is processed again where soffice cannot convert anything (/bin/false exits at once)
        await using var without = RealPlugins(new Dictionary<string, string?> { ["Conversion:Soffice"] = "/bin/false" });
        var again = await without.ProcessAsync(package);

        // THEN the conversion comes from the cache: the same form and the same findings
        Assert.Equal("doc", Assert.Single(again.Files, f => f.Name == "申报表.doc").ConvertedFrom);
        Assert.NotNull(again.Form);
        Assert.Equal(first.Form!.CaseName, again.Form!.CaseName);
        Assert.Equal(CaseRecordJson.Serialize(new CaseRecord { Form = first.Form }), CaseRecordJson.Serialize(new CaseRecord { Form = again.Form }));
        Assert.Equal(first.Findings.Select(f => f.Code).Order(), again.Findings.Select(f => f.Code).Order());
        Assert.Contains(again.Findings, f => f.Code == FindingCodes.ConvertedDocument && f.Location?.File == "申报表.doc");
    }

    [LibreOfficeFact]
    public async Task Process_ConverterThatNeverEnds_KilledAfterTimeoutAndReported_Issue17()
    {
        // GIVEN a soffice stand-in that never ends (a hanging LibreOffice cannot be produced on demand) and a 5 s timeout
        var package = PackageWithoutForm("D01");
        var rtf = await LibreOffice.ConvertAsync([Path.Combine(TestPaths.CorpusPackage("D01"), "申报表.docx")], _host.NewFolder("rtf"), "rtf");
        File.Copy(rtf[0], Path.Combine(package, "申报表.rtf"));
        var hanging = Path.Combine(_host.NewFolder("bin"), "soffice");
        await File.WriteAllTextAsync(hanging, "#!/bin/sh\nexec tail -f /dev/null\n");
        if (!OperatingSystem.IsWindows()) // LibreOfficeFact: LibreOffice found in a Unix place
        {
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        await using var core = RealPlugins(new Dictionary<string, string?>
        {
            ["Conversion:Soffice"] = hanging,
            ["Conversion:TimeoutSeconds"] = "5",
        });

        // WHEN the package is processed
        var record = await core.ProcessAsync(package);

        // THEN the conversion is given up, and the form reported with the reason
        var finding = Assert.Single(record.Findings, f => f.Code == FindingCodes.UnsupportedFormFormat);
        Assert.Contains("超过 5 秒", finding.Message, StringComparison.Ordinal);
        Assert.Equal("申报表.rtf", finding.Location?.File);
    }

    /// <summary>A copy of a folder package of the corpus without its form.</summary>
    private string PackageWithoutForm(string id)
    {
        var sample = CorpusSample.Load(id);
        var package = _host.NewFolder("package-" + id);
        foreach (var file in Directory.EnumerateFiles(sample.PackagePath).Where(f => Path.GetFileName(f) != sample.Files[FileRole.Form]))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)));
        }

        return package;
    }

    private ServiceProvider RealPlugins(IDictionary<string, string?>? settings = null) =>
        RealPluginSettings.Build(_host, settings);

    public void Dispose() => _host.Dispose();
}
