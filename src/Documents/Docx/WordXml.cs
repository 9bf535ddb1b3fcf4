using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CaseIngest.Documents.Docx;

/// <summary>The namespaces of WordprocessingML as our reader meets them, and how its simple values read: the reader
/// walks the parts as plain XML (an <see cref="XmlReader"/> over the body, System.Xml.Linq for the small parts and
/// pieces), which is several times cheaper than the OpenXml SDK's typed tree.</summary>
internal static class WordXml
{
    public const string WUri = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string McUri = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public const string MathUri = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    private const string StrictPrefix = "http://purl.oclc.org/ooxml/";
    private const string StrictWUri = StrictPrefix + "wordprocessingml/main";

    public static readonly XNamespace W = WUri;
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace Mc = McUri;
    public static readonly XNamespace Math = MathUri;
    public static readonly XNamespace WordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace Drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Vml = "urn:schemas-microsoft-com:vml";

    // Strict Open XML (ISO 29500 strict) names the same elements in other namespaces; a strict part is read as its
    // transitional twin, as the SDK did.
    private static readonly Dictionary<string, string> s_strictToTransitional = new(StringComparer.Ordinal)
    {
        [StrictWUri] = WUri,
        [StrictPrefix + "officeDocument/math"] = MathUri,
        [StrictPrefix + "drawingml/wordprocessingDrawing"] = WordDrawing.NamespaceName,
        [StrictPrefix + "drawingml/main"] = Drawing.NamespaceName,
        [StrictPrefix + "officeDocument/relationships"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    };

    /// <summary>The part's root in transitional names (a strict part is renamed in place).</summary>
    public static XElement Transitional(XElement root) =>
        IsStrict(root.Name.NamespaceName) ? Renamed(root) : root;

    /// <summary>Whether a namespace is one of strict Open XML's names for a transitional one.</summary>
    public static bool IsStrict(string namespaceName) => s_strictToTransitional.ContainsKey(namespaceName);

    /// <summary>The namespace of the reader's node in transitional names.</summary>
    public static string NamespaceOf(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        return ns.StartsWith(StrictPrefix, StringComparison.Ordinal) && s_strictToTransitional.TryGetValue(ns, out var transitional) ? transitional : ns;
    }

    /// <summary>Whether the reader is on a WordprocessingML element of that name.</summary>
    public static bool IsW(XmlReader reader, string localName) => reader.LocalName == localName && NamespaceOf(reader) == WUri;

    /// <summary>A WordprocessingML attribute of the reader's element (<c>w:name</c>, strict or transitional; an unqualified
    /// one as some tools write it).</summary>
    public static string? Attr(XmlReader reader, string name) =>
        reader.GetAttribute(name, WUri) ?? reader.GetAttribute(name, StrictWUri) ?? reader.GetAttribute(name);

    /// <summary>Every element and attribute of the subtree in transitional names, whatever its root's namespace: a piece
    /// cut from a strict part (renamed in place).</summary>
    public static XElement Renamed(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            if (s_strictToTransitional.TryGetValue(element.Name.NamespaceName, out var ns))
            {
                element.Name = XName.Get(element.Name.LocalName, ns);
            }

            if (element.Attributes().Any(a => s_strictToTransitional.ContainsKey(a.Name.NamespaceName)))
            {
                var attributes = element.Attributes().Select(a => a.IsNamespaceDeclaration || !s_strictToTransitional.TryGetValue(a.Name.NamespaceName, out var ans)
                    ? a : new XAttribute(XName.Get(a.Name.LocalName, ans), a.Value)).ToList();
                element.ReplaceAttributes(attributes);
            }
        }

        return root;
    }

    /// <summary>A WordprocessingML attribute (<c>w:name</c>; an unqualified one as some tools write it).</summary>
    public static string? Attr(this XElement? element, string name) =>
        element is null ? null : (string?)element.Attribute(W + name) ?? (string?)element.Attribute(name);

    /// <summary>The element's <c>w:val</c>.</summary>
    public static string? Val(this XElement? element) => element.Attr("val");

    /// <summary>The first child of that WordprocessingML name.</summary>
    public static XElement? Child(this XElement? element, string name) => element?.Element(W + name);

    /// <summary>An integer attribute value; null when absent or not a number.</summary>
    public static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>An on/off property (<c>w:b</c>, <c>w:vanish</c>, <c>w:isLgl</c>…): null when absent; present without
    /// <c>w:val</c> or with 1/true/on, on.</summary>
    public static bool? OnOff(XElement? element) => element is null ? null : IsOn(element.Val());

    /// <summary>An on/off property that is present, by its <c>w:val</c>: on without one or with 1/true/on.</summary>
    public static bool IsOn(string? value) => value is null or "1" or "true" or "on";
}
