using CaseIngest.Documents.Docx;
using CaseIngest.Documents.Tests.Support;

namespace CaseIngest.Documents.Tests.Docx;

/// <summary>The documents a package reads are shared by its readers while it is in work and let go when it ends;
/// outside a package the recent documents stay kept.</summary>
public sealed class DocxDocumentCacheTests
{
    private static readonly byte[] s_report = DocxFile.FromBody("<w:p><w:r><w:t>一、企业概况</w:t></w:r></w:p>");
    private static readonly byte[] s_form = DocxFile.FromBody("<w:p><w:r><w:t>申报表</w:t></w:r></w:p>");

    [Fact]
    public void Read_OutsideAPackage_TheSameBytesGiveTheKeptDocument()
    {
        var cache = new DocxDocumentCache();

        Assert.Same(cache.Read(s_report), cache.Read(s_report));
    }

    [Fact]
    public void Read_WithinAPackage_SharedUntilItEnds_ThenReadAnew()
    {
        var cache = new DocxDocumentCache();
        DocxDocument read;
        using (cache.KeepUntilPackageEnds())
        {
            read = cache.Read(s_report);
            Assert.Same(read, cache.Read(s_report));
        }

        Assert.NotSame(read, cache.Read(s_report));
    }

    [Fact]
    public async Task Read_InATaskThePackageStarted_LetGoWithThePackage()
    {
        var cache = new DocxDocumentCache();
        DocxDocument read;
        using (cache.KeepUntilPackageEnds())
        {
            read = await Task.Run(() => cache.Read(s_report));
            Assert.Same(read, cache.Read(s_report));
        }

        Assert.NotSame(read, cache.Read(s_report));
    }

    [Fact]
    public async Task KeepUntilPackageEnds_TwoPackagesAtOnce_EndingOneKeepsTheOthersDocuments()
    {
        var cache = new DocxDocumentCache();
        var formRead = new TaskCompletionSource<DocxDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var second = Task.Run(async () =>
        {
            using var package = cache.KeepUntilPackageEnds();
            formRead.SetResult(cache.Read(s_form));
            await firstEnded.Task;
            return cache.Read(s_form);
        });
        DocxDocument report;
        using (cache.KeepUntilPackageEnds())
        {
            report = cache.Read(s_report);
            await formRead.Task;
        }

        firstEnded.SetResult();
        Assert.Same(await formRead.Task, await second);
        Assert.NotSame(report, cache.Read(s_report));
    }
}
