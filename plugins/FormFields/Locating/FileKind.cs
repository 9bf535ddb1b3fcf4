using System.Text;

namespace CaseIngest.Plugins.FormFields.Locating;

/// <summary>What a file is by its first bytes, whatever its name says.</summary>
internal enum FileKind
{
    Unknown,
    Zip,
    LegacyWord,
    EncryptedOoxml,
    Pdf,
    Image,
    Rtf,
}

internal static class FileKinds
{
    private static readonly byte[] s_ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] s_encryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static FileKind Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK"u8))
        {
            return FileKind.Zip;
        }

        if (bytes.StartsWith(s_ole))
        {
            // A password-protected .docx is an OLE compound file holding an EncryptedPackage stream.
            return bytes.IndexOf(s_encryptedPackage) >= 0 ? FileKind.EncryptedOoxml : FileKind.LegacyWord;
        }

        if (bytes.StartsWith("%PDF"u8) || bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF"u8) >= 0)
        {
            return FileKind.Pdf;
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return FileKind.Rtf;
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || bytes.StartsWith("II*\0"u8)
            || bytes.StartsWith("MM\0*"u8) || bytes.StartsWith("BM"u8) || bytes.StartsWith("GIF8"u8)
            || (bytes.Length > 12 && bytes[8..12].SequenceEqual("WEBP"u8))
            ? FileKind.Image
            : FileKind.Unknown;
    }
}
