using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// A numbering part's lists by id — each <c>w:num</c> and the <c>w:abstractNum</c> it draws its levels from — read
/// once and never changed, so that the documents of one template share them (<see cref="TemplatePartCache"/>): parsing
/// the part (5.5 KB in the corpus's forms and reports) for every document was 3 % of a run's allocations without OCR.
/// The counters of a document are its <see cref="NumberingRenderer"/>'s.
/// </summary>
internal sealed class NumberingDefinitions
{
    private readonly Dictionary<int, XElement> _instances = [];
    private readonly Dictionary<int, XElement> _abstracts = [];

    /// <param name="numbering">The numbering part's root (<c>w:numbering</c>); null when the document has none.</param>
    public NumberingDefinitions(XElement? numbering)
    {
        if (numbering is null)
        {
            return;
        }

        foreach (var abstractNum in numbering.Elements(W + "abstractNum"))
        {
            if (Int(abstractNum.Attr("abstractNumId")) is int id)
            {
                _abstracts.TryAdd(id, abstractNum);
            }
        }

        foreach (var instance in numbering.Elements(W + "num"))
        {
            if (Int(instance.Attr("numId")) is int id)
            {
                _instances.TryAdd(id, instance);
            }
        }
    }

    public static NumberingDefinitions None { get; } = new(null);

    /// <summary>Parses a numbering part's bytes under the reader's settings (its character limit among them).</summary>
    /// <exception cref="XmlException">A damaged or oversized part.</exception>
    public static NumberingDefinitions Read(byte[] part, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new MemoryStream(part, writable: false), settings);
        return new NumberingDefinitions(Transitional(XElement.Load(reader, LoadOptions.PreserveWhitespace)));
    }

    /// <summary>The list <paramref name="numId"/>: its <c>w:num</c>, and the id and element of its abstract numbering.</summary>
    public bool TryGet(int numId, [NotNullWhen(true)] out XElement? instance, out int abstractId, [NotNullWhen(true)] out XElement? abstractNum)
    {
        abstractId = 0;
        abstractNum = null;
        if (!_instances.TryGetValue(numId, out instance) || Int(instance.Child("abstractNumId").Val()) is not int id)
        {
            return false;
        }

        abstractId = id;
        return _abstracts.TryGetValue(id, out abstractNum);
    }
}
