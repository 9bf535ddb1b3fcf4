using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// A .docx's styles part indexed by style id, each style's markup cut from the part's text only when first asked for.
/// Word's styles.xml holds hundreds of styles and a report uses a handful: copying every style out as markup
/// (<see cref="XmlReader.ReadOuterXml"/> re-serialises it) was more than half the cost of reading a document. The scan
/// notes where each style starts (the reader's line and column); a style is read from there, with the part's namespace
/// declarations, the first time the document's paragraphs name it.
/// </summary>
internal sealed class StylePartIndex
{
    private readonly string _text;
    // The root's namespace declarations, as pairs: an index is shared by the documents made from one template, read
    // on several threads, and an XmlNamespaceManager is not safe to share — each markup read builds its own.
    private readonly List<(string Prefix, string Uri)> _rootNamespaces = [];
    private readonly Dictionary<string, int> _starts = new(StringComparer.Ordinal);
    // A style whose start could not be placed in the text (an unusual layout of the part) is copied out during the scan.
    private readonly Dictionary<string, string> _copied = new(StringComparer.Ordinal);

    private StylePartIndex(string text)
    {
        _text = text;
    }

    /// <summary>The paragraph style marked default (<c>w:default="1"</c>), if any.</summary>
    public string? DefaultParagraphStyle { get; private set; }

    /// <summary>The <c>w:docDefaults</c> element, if the part has one (read only: it is shared).</summary>
    public XElement? DocDefaults { get; private set; }

    /// <summary>Indexes a styles part from its bytes (UTF-8, or as its byte order mark says).</summary>
    /// <exception cref="XmlException">A damaged part.</exception>
    public static StylePartIndex Read(byte[] part)
    {
        string text;
        using (var reader = new StreamReader(new MemoryStream(part, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var index = new StylePartIndex(text);
        index.Scan();
        return index;
    }

    public bool Contains(string id) => _starts.ContainsKey(id) || _copied.ContainsKey(id);

    /// <summary>The style's element, parsed from the part's text, or null when the part has no such style.</summary>
    public XElement? ElementOf(string id)
    {
        if (_copied.TryGetValue(id, out var copied))
        {
            return WordXml.Transitional(XElement.Parse(copied));
        }

        if (!_starts.TryGetValue(id, out var start))
        {
            return null;
        }

        var namespaces = new XmlNamespaceManager(new NameTable());
        foreach (var (prefix, uri) in _rootNamespaces)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        var context = new XmlParserContext(null, namespaces, null, XmlSpace.None);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, ConformanceLevel = ConformanceLevel.Fragment };
        using var reader = XmlReader.Create(new StringSliceReader(_text, start), settings, context);
        reader.MoveToContent();
        // The subtree ends with the style: the text after it (the next style, the part's end tag) is never read.
        using var style = reader.ReadSubtree();
        style.MoveToContent();
        return WordXml.Transitional(XElement.Load(style, LoadOptions.PreserveWhitespace));
    }

    private void Scan()
    {
        var lineStarts = LineStarts(_text);
        using var reader = XmlReader.Create(new StringReader(_text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var position = reader as IXmlLineInfo;
        reader.MoveToContent();
        KeepRootNamespaces(reader);
        // WordprocessingML's namespace as the part writes it: transitional, or strict Open XML's.
        var wordNamespace = reader.NamespaceURI;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != wordNamespace)
            {
                reader.Read();
            }
            else if (reader.LocalName == "style")
            {
                var id = reader.GetAttribute("styleId", wordNamespace);
                var isDefaultParagraph = reader.GetAttribute("type", wordNamespace) == "paragraph" &&
                                         reader.GetAttribute("default", wordNamespace) is "1" or "true" or "on";
                if (id is null || Contains(id))
                {
                    reader.Skip();
                    continue;
                }

                if (StartOf(reader, position, lineStarts) is { } start)
                {
                    _starts[id] = start;
                    reader.Skip();
                }
                else
                {
                    _copied[id] = reader.ReadOuterXml();
                }

                if (isDefaultParagraph)
                {
                    DefaultParagraphStyle = id;
                }
            }
            else if (reader.LocalName == "docDefaults")
            {
                DocDefaults = WordXml.Transitional((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void KeepRootNamespaces(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (reader.Prefix == "xmlns")
            {
                _rootNamespaces.Add((reader.LocalName, reader.Value));
            }
            else if (reader.Name == "xmlns")
            {
                _rootNamespaces.Add(("", reader.Value));
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    /// <summary>Where the element the reader is on starts in the text (its <c>&lt;</c>), checked against the text:
    /// null when the reader's position cannot be placed (then the style is copied out instead).</summary>
    private int? StartOf(XmlReader reader, IXmlLineInfo? position, List<int> lineStarts)
    {
        if (position is null || !position.HasLineInfo() || position.LineNumber < 1 || position.LineNumber > lineStarts.Count)
        {
            return null;
        }

        // The column is that of the element's name, one past its '<'.
        var start = lineStarts[position.LineNumber - 1] + position.LinePosition - 2;
        return start >= 0 && start < _text.Length && _text[start] == '<'
               && _text.AsSpan(start + 1).StartsWith(reader.Name, StringComparison.Ordinal)
            ? start
            : null;
    }

    /// <summary>The offset at which each line starts, lines broken as XML breaks them (CR LF, LF or CR alone).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>The text from an offset on, without copying it.</summary>
    private sealed class StringSliceReader(string text, int start) : TextReader
    {
        private int _position = start;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, text.Length - _position);
            if (n <= 0)
            {
                return 0;
            }

            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
