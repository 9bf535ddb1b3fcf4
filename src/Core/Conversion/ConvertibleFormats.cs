using CaseIngest.Documents.Files;

namespace CaseIngest.Core.Conversion;

/// <summary>Which submitted files are converted to .docx before they are read, decided by their bytes: a Word 97-2003
/// binary (.doc, or a .wps that is one), RTF and OpenDocument text. Encrypted files and other OLE files (.xls, MS Works)
/// are not: LibreOffice could not read them either, and their readers say what to send instead.</summary>
public static class ConvertibleFormats
{
    /// <summary>The format to convert from (<c>doc</c>, <c>wps</c>, <c>rtf</c>, <c>odt</c>), or null to read the file as it is.</summary>
    public static string? Of(string path, string name)
    {
        var head = new byte[FileKinds.HeadLength];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var span = head.AsSpan(0, read);
        switch (FileKinds.Of(span))
        {
            case FileKind.Rtf:
                return "rtf";
            case FileKind.Zip:
                return FileKinds.IsOpenDocumentText(span) ? "odt" : null;
            case FileKind.Ole:
                // The OLE directory may sit anywhere in the file: the whole file is read (it is bounded by the package limits).
                if (!FileKinds.IsWordBinary(File.ReadAllBytes(path)))
                {
                    return null;
                }

                return Path.GetExtension(name).Equals(".wps", StringComparison.OrdinalIgnoreCase) ? "wps" : "doc";
            default:
                return null;
        }
    }

    /// <summary>How the format is named to people.</summary>
    public static string Describe(string format) => format switch
    {
        "doc" => "Word 97-2003 (.doc)",
        "wps" => "WPS 文字 (.wps，Word 格式)",
        "rtf" => "RTF",
        "odt" => "OpenDocument (.odt)",
        _ => format,
    };
}
