using CaseIngest.Abstractions.Records;
using CaseIngest.Host.Ingest;
using CaseIngest.Host.Tests.Support;
using CaseIngest.Testing;

namespace CaseIngest.Host.Tests.Cli;

/// <summary>Every package a bulk export names ends as a record, an empty package folder included.</summary>
public sealed class BulkInputTests
{
    [Fact]
    public void Find_BulkFolder_NamesEmptyFoldersAsPackages()
    {
        using var folder = new TemporaryDirectory();
        var bulk = Directory.CreateDirectory(Path.Combine(folder.Path, "export")).FullName;
        Directory.CreateDirectory(Path.Combine(bulk, "D10"));
        File.WriteAllText(Path.Combine(bulk, "D10", "附件1 申报表.docx"), "x");
        Directory.CreateDirectory(Path.Combine(bulk, "D11"));
        Directory.CreateDirectory(Path.Combine(bulk, "D12"));
        File.WriteAllText(Path.Combine(bulk, "D12", ".DS_Store"), "x");
        Directory.CreateDirectory(Path.Combine(bulk, "batch2", "D13"));
        File.WriteAllText(Path.Combine(bulk, "D14.zip"), "x");

        var packages = PackageDiscovery.Find([bulk]).Select(p => Path.GetRelativePath(bulk, p)).ToList();

        Assert.Equal(["D14.zip", "D10", "D11", "D12", Path.Combine("batch2", "D13")], packages);
    }

    [Fact]
    public async Task Ingest_BulkFolderWithAnEmptyPackage_RecordsItAsRejectedForMissingDocuments()
    {
        using var host = new TestHostFolder("EchoPlugin");
        var bulk = Directory.CreateDirectory(Path.Combine(host.Root, "export")).FullName;
        var sample = TestPaths.CorpusPackage("D01");
        var copied = Path.Combine(bulk, Path.GetFileName(sample));
        if (File.Exists(sample))
        {
            File.Copy(sample, copied);
        }
        else
        {
            DirectoryTree.Copy(sample, copied);
        }

        Directory.CreateDirectory(Path.Combine(bulk, "D99"));
        var outFile = Path.Combine(host.Root, "records.jsonl");

        var ingest = await CliProcess.RunAsync(host, "ingest", bulk, "--out", outFile);

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var records = (await File.ReadAllLinesAsync(outFile)).Select(CaseRecordJson.Deserialize).ToList();
        Assert.Equal(2, records.Count);
        var empty = Assert.Single(records, r => r.SubmissionId == "D99");
        Assert.Equal(Verdict.Rejected, empty.Verdict);
        Assert.Equal(3, empty.Findings.Count(f => f.Code == FindingCodes.MissingDocument));
    }
}
