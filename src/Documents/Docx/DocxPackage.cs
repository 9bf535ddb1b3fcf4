using System.IO.Compression;
using System.Xml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// The parts of a .docx the reader needs — the main document, and beside it the styles, numbering and theme its
/// relationships name — found the way Word finds them (the package's relationships, then the main part's) and read
/// straight from the zip. Parts are parsed under the read options' character limit, so a bloated part is refused
/// while it is read (<see cref="XmlException"/>), never held whole.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private const string MainDocumentFallback = "word/document.xml";

    private readonly ZipArchive _zip;
    private readonly XmlReaderSettings _settings;
    // A part copied out as bytes (styles, theme) is held to the same limit as a parsed one: UTF-8 takes at most four
    // bytes a character. 0: no limit.
    private readonly long _maxPartBytes;
    private readonly Dictionary<string, string> _related;

    /// <exception cref="InvalidDataException">Not a zip.</exception>
    /// <exception cref="DocxDefectException">No main document part.</exception>
    public DocxPackage(Stream stream, DocxReadOptions options)
    {
        _settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharactersInPart,
            CloseInput = true,
        };
        _maxPartBytes = options.MaxCharactersInPart > 0 ? options.MaxCharactersInPart * 4 : 0;
        _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            MainPath = MainDocumentPath() ?? throw new DocxDefectException(DocxDefect.NoMainDocumentPart,
                "the package has no main document part (word/document.xml)");
            _related = RelatedParts(MainPath);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public string MainPath { get; }

    /// <summary>How the parts are parsed: no DTDs, the read options' character limit.</summary>
    public XmlReaderSettings PartSettings => _settings;

    /// <summary>A forward reader over the main document part (<c>w:document</c>), under the read options' limit; the
    /// caller disposes it.</summary>
    public XmlReader OpenMainDocument() => XmlReader.Create(Entry(MainPath)!.Open(), _settings);

    /// <summary>The bytes of the part the main document relates to by this type (<c>styles</c>, <c>numbering</c>,
    /// <c>theme</c>); null when it has none.</summary>
    public byte[]? RelatedBytes(string relationshipType) =>
        _related.TryGetValue(relationshipType, out var path) && Entry(path) is { } entry ? Bytes(entry) : null;

    /// <summary>The part the main document relates to by this type, read when asked (while this package is open);
    /// null when it has none.</summary>
    /// <exception cref="InvalidDataException">The part declares more than the read options allow.</exception>
    public StoredPart? RelatedStored(string relationshipType)
    {
        if (!_related.TryGetValue(relationshipType, out var path) || Entry(path) is not { } entry)
        {
            return null;
        }

        CheckDeclaredSize(entry);
        return new StoredPart(entry.Crc32, entry.Length, entry.CompressedLength, () => Bytes(entry));
    }

    public void Dispose() => _zip.Dispose();

    /// <exception cref="InvalidDataException">The part is larger than the read options allow, or holds other than the
    /// number of bytes its zip entry declares.</exception>
    private byte[] Bytes(ZipArchiveEntry entry)
    {
        // The entry's declared size makes the one array the part is read into. The styles part runs to hundreds of
        // kilobytes, read for the form and the report of every package: a growing MemoryStream reallocated and copied
        // it as it grew (the larger arrays on the large-object heap), and ToArray copied it once more.
        var declared = CheckDeclaredSize(entry);
        var bytes = GC.AllocateUninitializedArray<byte>((int)declared);
        using var stream = entry.Open();
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the part {entry.FullName} holds fewer than the {declared:N0} bytes its zip entry declares", e);
        }

        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException($"the part {entry.FullName} holds more than the {declared:N0} bytes its zip entry declares");
        }

        return bytes;
    }

    /// <exception cref="InvalidDataException">The entry declares more than the read options allow or an array holds.</exception>
    private long CheckDeclaredSize(ZipArchiveEntry entry)
    {
        var declared = entry.Length;
        if (_maxPartBytes > 0 && declared > _maxPartBytes)
        {
            throw new InvalidDataException($"the part {entry.FullName} is larger than {_maxPartBytes:N0} bytes unpacked");
        }

        if (declared > Array.MaxLength)
        {
            throw new InvalidDataException($"the part {entry.FullName} declares {declared:N0} bytes, more than an array holds");
        }

        return declared;
    }

    private ZipArchiveEntry? Entry(string path) =>
        _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    private string? MainDocumentPath()
    {
        var fromRelationships = Relationships("_rels/.rels", "")
            .FirstOrDefault(r => r.Type == "officeDocument").Target;
        return fromRelationships is not null && Entry(fromRelationships) is not null ? fromRelationships
            : Entry(MainDocumentFallback) is not null ? MainDocumentFallback
            : null;
    }

    private Dictionary<string, string> RelatedParts(string mainPath)
    {
        var folder = mainPath.Contains('/', StringComparison.Ordinal) ? mainPath[..(mainPath.LastIndexOf('/') + 1)] : "";
        var relationships = $"{folder}_rels/{mainPath[folder.Length..]}.rels";
        var related = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, target) in Relationships(relationships, folder))
        {
            related.TryAdd(type, target);
        }

        return related;
    }

    /// <summary>The internal relationships of a relationships part: the type's last segment and the target's path in
    /// the zip. A damaged relationships part reads as none: the part names Word itself uses are tried instead.</summary>
    private List<(string Type, string Target)> Relationships(string relationshipsPath, string sourceFolder)
    {
        var found = new List<(string, string)>();
        if (Entry(relationshipsPath) is not { } entry)
        {
            return found;
        }

        try
        {
            // Read forward: a relationships part is a flat list, two of them for every document read.
            using var reader = XmlReader.Create(entry.Open(), _settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return found;
            }

            var depth = reader.Depth;
            if (!XmlWalk.Enter(reader))
            {
                return found;
            }

            while (XmlWalk.NextChild(reader, depth))
            {
                var type = reader.LocalName == "Relationship" ? reader.GetAttribute("Type") : null;
                var target = type is null ? null : reader.GetAttribute("Target");
                var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                reader.Skip();
                if (type is null || target is null || external)
                {
                    continue;
                }

                found.Add((type[(type.LastIndexOf('/') + 1)..], Resolve(sourceFolder, Uri.UnescapeDataString(target))));
            }

            // The rest of the part is still read: a damaged end reads as no relationships, as a whole parse would.
            while (reader.Read())
            {
            }
        }
        catch (XmlException)
        {
            // Handled as no relationships.
            found.Clear();
        }

        return found;
    }

    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
