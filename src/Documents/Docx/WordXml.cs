using System.Globalization;
using System.Xml.Linq;

namespace CaseIngest.Documents.Docx;

/// <summary>The namespaces of WordprocessingML as our reader meets them, and how its simple values read: the reader
/// walks the parts as plain XML (System.Xml.Linq), which is several times cheaper than the OpenXml SDK's typed tree.</summary>
internal static class WordXml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public static readonly XNamespace Math = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    public static readonly XNamespace WordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace Drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Vml = "urn:schemas-microsoft-com:vml";

    // Strict Open XML (ISO 29500 strict) names the same elements in other namespaces; a strict part is read as its
    // transitional twin, as the SDK did.
    private static readonly Dictionary<string, string> s_strictToTransitional = new(StringComparer.Ordinal)
    {
        ["http://purl.oclc.org/ooxml/wordprocessingml/main"] = W.NamespaceName,
        ["http://purl.oclc.org/ooxml/officeDocument/math"] = Math.NamespaceName,
        ["http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"] = WordDrawing.NamespaceName,
        ["http://purl.oclc.org/ooxml/drawingml/main"] = Drawing.NamespaceName,
        ["http://purl.oclc.org/ooxml/officeDocument/relationships"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    };

    /// <summary>The part's root in transitional names (a strict part is renamed in place).</summary>
    public static XElement Transitional(XElement root)
    {
        if (!s_strictToTransitional.ContainsKey(root.Name.NamespaceName))
        {
            return root;
        }

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
    public static bool? OnOff(XElement? element) => element is null ? null : element.Val() is not { } value || value is "1" or "true" or "on";
}
