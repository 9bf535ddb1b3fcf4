using System.Text;
using System.Xml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// Steps of a forward walk over an element's children with an <see cref="XmlReader"/>, each handler reading its child to
/// the end:
/// <code>
/// var depth = reader.Depth;
/// if (XmlWalk.Enter(reader))
///     while (XmlWalk.NextChild(reader, depth)) { /* read or skip the child */ }
/// </code>
/// after which the reader is past the element's end.
/// </summary>
internal static class XmlWalk
{
    /// <summary>Moves into the element the reader is on; false, and past it, when it is empty.</summary>
    public static bool Enter(XmlReader reader)
    {
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>; false, and past that
    /// element's end, when none is left.</summary>
    public static bool NextChild(XmlReader reader, int depth)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return false;
            }

            if (!reader.Read())
            {
                return false;
            }
        }
    }

    /// <summary>Appends the text of the element the reader is on (all of it, as an element's value reads) and moves past
    /// it; <paramref name="map"/>, when given, rewrites each character.</summary>
    public static void AppendText(XmlReader reader, StringBuilder text, char[] chunk, Func<char, string?>? map = null)
    {
        var depth = reader.Depth;
        if (!Enter(reader))
        {
            return;
        }

        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (reader.CanReadValueChunk)
                {
                    // In pieces into the run's text: a string for each w:t would be garbage at once.
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        Append(text, chunk.AsSpan(0, read), map);
                    }
                }
                else
                {
                    Append(text, reader.Value, map);
                }
            }

            if (!reader.Read())
            {
                return;
            }
        }

        reader.Read();
    }

    /// <summary>The text of the element the reader is on, moving past it.</summary>
    public static string ReadText(XmlReader reader, char[] chunk)
    {
        var text = new StringBuilder();
        AppendText(reader, text, chunk);
        return text.ToString();
    }

    private static void Append(StringBuilder text, ReadOnlySpan<char> value, Func<char, string?>? map)
    {
        if (map is null)
        {
            text.Append(value);
            return;
        }

        foreach (var c in value)
        {
            if (map(c) is { } mapped)
            {
                text.Append(mapped);
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
