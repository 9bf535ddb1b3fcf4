using System.Text;
using CaseIngest.Documents.Files;
using CaseIngest.Testing;

namespace CaseIngest.Documents.Tests.Files;

/// <summary>The one file sniffer that the host's file roles and the plugins' readers share.</summary>
public sealed class FileKindsTests
{
    [Theory]
    [InlineData("D01", "申报表.docx", FileKind.Zip)]
    [InlineData("D01", "盖章页.jpg", FileKind.Image)]
    [InlineData("D10", "盖章页.png", FileKind.Image)]
    [InlineData("D01", "manifest.json", FileKind.Unknown)]
    public void Of_CorpusFile_KindFromItsBytes(string package, string file, FileKind expected) =>
        Assert.Equal(expected, FileKinds.Of(Path.Combine(TestPaths.CorpusPackage(package), file)));

    [Fact]
    public void Of_PdfHeaderAfterJunk_IsPdf()
    {
        var bytes = Encoding.ASCII.GetBytes(new string(' ', 100) + "%PDF-1.7\n");

        Assert.Equal(FileKind.Pdf, FileKinds.Of(bytes));
        Assert.Equal(FileKind.Pdf, FileKinds.Of("%PDF-1.4"u8));
    }

    [Fact]
    public void Of_OleFile_IsOleAndEncryptedOnlyWithAnEncryptedPackageStream()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        byte[] encrypted = [.. ole, .. Encoding.Unicode.GetBytes("EncryptedPackage")];

        Assert.Equal(FileKind.Ole, FileKinds.Of(ole));
        Assert.False(FileKinds.IsEncryptedOoxml(ole));
        Assert.Equal(FileKind.Ole, FileKinds.Of(encrypted));
        Assert.True(FileKinds.IsEncryptedOoxml(encrypted));
    }

    [Theory]
    [InlineData("{\\rtf1\\ansi", FileKind.Rtf)]
    [InlineData("GIF89a", FileKind.Image)]
    [InlineData("BM", FileKind.Image)]
    [InlineData("RIFF\0\0\0\0WEBPVP8 ", FileKind.Image)]
    [InlineData("", FileKind.Unknown)]
    [InlineData("{\"submissionId\":\"D01\"}", FileKind.Unknown)]
    public void Of_Header_Kind(string head, FileKind expected) => Assert.Equal(expected, FileKinds.Of(Encoding.Latin1.GetBytes(head)));
}
