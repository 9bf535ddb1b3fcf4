using CaseIngest.Messaging.Enqueue;
using CaseIngest.Testing;

namespace CaseIngest.Messaging.Tests.Enqueue;

public sealed class PackageManifestReaderTests
{
    [Theory]
    [InlineData("D01")]
    [InlineData("D05")]
    public void Read_CorpusFolderAndZip_ReturnsManifestFields(string id)
    {
        var metadata = PackageManifestReader.Read(TestPaths.CorpusPackage(id));

        Assert.Equal(id, metadata.SubmissionId);
        Assert.Equal(8, metadata.Edition);
        Assert.False(string.IsNullOrEmpty(metadata.Recommender));
        Assert.NotNull(metadata.SubmittedAt);
    }

    [Fact]
    public void Read_PackageWithoutManifestOrBrokenZip_ReturnsEmpty()
    {
        using var folder = new TemporaryDirectory("caseingest-manifest-");
        var broken = folder.File("broken.zip");
        File.WriteAllText(broken, "not a zip");

        Assert.Null(PackageManifestReader.Read(folder.Path).SubmissionId);
        Assert.Null(PackageManifestReader.Read(broken).SubmissionId);
    }
}
