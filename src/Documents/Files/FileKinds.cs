using System.Text;

namespace CaseIngest.Documents.Files;

/// <summary>What a file is by its first bytes, whatever its name says.</summary>
public enum FileKind
{
    Unknown,
    /// <summary>A zip: a .docx (or .xlsx…) when it holds word/document.xml.</summary>
    Zip,
    /// <summary>An OLE compound file: Word 97-2003 .doc, or an encrypted OOXML file (see <see cref="FileKinds.IsEncryptedOoxml"/>).</summary>
    Ole,
    Pdf,
    /// <summary>JPEG, PNG, TIFF, BMP, GIF or WebP.</summary>
    Image,
    Rtf,
}

/// <summary>File sniffing: the one place our code decides a file's kind from its bytes.</summary>
public static class FileKinds
{
    /// <summary>How many leading bytes <see cref="Of"/> needs at most (a PDF header may follow up to 1 KB of junk,
    /// which PDF readers accept).</summary>
    public const int HeadLength = 1024;

    private static readonly byte[] s_encryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] s_wordDocument = Encoding.Unicode.GetBytes("WordDocument");

    /// <summary>The kind of a file from its first bytes (up to <see cref="HeadLength"/>; fewer are fine).</summary>
    public static FileKind Of(ReadOnlySpan<byte> head) => head switch
    {
        [0x50, 0x4B, ..] => FileKind.Zip,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => FileKind.Ole,
        [0xFF, 0xD8, 0xFF, ..] or [0x89, 0x50, 0x4E, 0x47, ..] => FileKind.Image,
        [0x49, 0x49, 0x2A, 0x00, ..] or [0x4D, 0x4D, 0x00, 0x2A, ..] => FileKind.Image,
        [0x42, 0x4D, ..] or [0x47, 0x49, 0x46, 0x38, ..] => FileKind.Image,
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => FileKind.Image,
        [0x7B, 0x5C, 0x72, 0x74, 0x66, ..] => FileKind.Rtf,
        _ when head[..Math.Min(head.Length, HeadLength)].IndexOf("%PDF"u8) >= 0 => FileKind.Pdf,
        _ => FileKind.Unknown,
    };

    /// <summary>The kind of the file at <paramref name="path"/>, from its first bytes.</summary>
    public static FileKind Of(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[HeadLength];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Of(head.AsSpan(0, read));
    }

    /// <summary>Whether an OLE compound file is a password-protected OOXML file (it holds an EncryptedPackage stream)
    /// rather than a Word 97-2003 document.</summary>
    public static bool IsEncryptedOoxml(ReadOnlySpan<byte> oleFile) => oleFile.IndexOf(s_encryptedPackage) >= 0;

    /// <summary>Whether an OLE compound file is a Word 97-2003 binary document (it holds a WordDocument stream), as .doc
    /// files are and WPS Office's .wps files mostly are; an .xls, an MS Works .wps or an encrypted .docx is not.</summary>
    public static bool IsWordBinary(ReadOnlySpan<byte> oleFile) => oleFile.IndexOf(s_wordDocument) >= 0 && !IsEncryptedOoxml(oleFile);

    /// <summary>Whether a zip is an OpenDocument text (.odt): its first entry, stored uncompressed, is <c>mimetype</c>
    /// naming <c>application/vnd.oasis.opendocument.text</c>, within the first <see cref="HeadLength"/> bytes.</summary>
    public static bool IsOpenDocumentText(ReadOnlySpan<byte> head) =>
        head is [0x50, 0x4B, ..] && head[..Math.Min(head.Length, HeadLength)].IndexOf("mimetypeapplication/vnd.oasis.opendocument.text"u8) >= 0;
}
