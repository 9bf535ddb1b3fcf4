using System.Text;
using CaseIngest.Plugins.FormFields.Parsing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>
/// The visible text of WordprocessingML content, with every kind of checkbox written as ☑ or ☐: content-control
/// checkboxes (<c>w14:checkbox</c>) by their <c>w14:checked</c> state, never by the glyph shown; legacy form fields
/// (<c>FORMCHECKBOX</c>) by <c>w:checked</c>, else <c>w:default</c>; Wingdings symbol boxes by their character.
/// Field instructions, deleted text and the fallback copy of alternate content are left out.
/// </summary>
internal sealed class DocxText
{
    private const string W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private const string Wml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // Open complex fields: whether the instruction part is over, and whether the result is hidden (a checkbox field).
    private readonly Stack<(bool InResult, bool Hidden)> _fields = new();

    private bool Visible => _fields.All(f => f.InResult && !f.Hidden);

    /// <summary>Appends the text of one element (a paragraph, a run, a content control…).</summary>
    public void Append(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case Text t:
                if (Visible)
                {
                    text.Append(IsWingdings(t) ? MapWingdings(t.Text) : t.Text);
                }

                return;
            case TabChar or PositionalTab:
                AppendIfVisible(text, " ");
                return;
            case Break or CarriageReturn:
                AppendIfVisible(text, "\n");
                return;
            case NoBreakHyphen:
                AppendIfVisible(text, "-");
                return;
            case SymbolChar symbol:
                AppendIfVisible(text, MapSymbol(symbol));
                return;
            case FieldChar fieldChar:
                OnFieldChar(fieldChar, text);
                return;
            case FieldCode or DeletedText or DeletedFieldCode or DeletedRun or MoveFromRun:
                return;
            case SdtElement sdt:
                AppendContentControl(sdt, text);
                return;
        }

        if (element.LocalName == "AlternateContent")
        {
            // Choice and Fallback carry the same text twice (a text box as DrawingML and as VML): read the first only.
            if (element.FirstChild is { } choice)
            {
                AppendChildren(choice, text);
            }

            return;
        }

        if (element.LocalName.EndsWith("Pr", StringComparison.Ordinal))
        {
            return;
        }

        AppendChildren(element, text);
    }

    private void AppendChildren(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            Append(child, text);
        }
    }

    private void AppendIfVisible(StringBuilder text, string value)
    {
        if (Visible)
        {
            text.Append(value);
        }
    }

    private void AppendContentControl(SdtElement sdt, StringBuilder text)
    {
        var checkbox = sdt.SdtProperties?.ChildElements.FirstOrDefault(e => e.LocalName == "checkbox" && e.NamespaceUri == W14);
        if (checkbox is not null)
        {
            var state = checkbox.ChildElements.FirstOrDefault(e => e.LocalName == "checked");
            AppendIfVisible(text, IsOn(state, W14) ? $"{CheckboxText.Ticked}" : $"{CheckboxText.Unticked}");
            return;
        }

        var content = sdt.ChildElements.FirstOrDefault(e => e.LocalName == "sdtContent");
        if (content is not null)
        {
            AppendChildren(content, text);
        }
    }

    private void OnFieldChar(FieldChar fieldChar, StringBuilder text)
    {
        var type = fieldChar.FieldCharType?.Value;
        if (type == FieldCharValues.Begin)
        {
            var checkBox = fieldChar.FormFieldData?.ChildElements.FirstOrDefault(e => e.LocalName == "checkBox");
            if (checkBox is not null)
            {
                // w:checked overrides w:default; a w:checked without w:val means checked.
                var isChecked = checkBox.ChildElements.FirstOrDefault(e => e.LocalName == "checked") is { } c
                    ? IsOn(c, Wml)
                    : IsOn(checkBox.ChildElements.FirstOrDefault(e => e.LocalName == "default"), Wml);
                AppendIfVisible(text, isChecked ? $"{CheckboxText.Ticked}" : $"{CheckboxText.Unticked}");
            }

            _fields.Push((false, checkBox is not null));
        }
        else if (type == FieldCharValues.Separate && _fields.Count > 0)
        {
            var top = _fields.Pop();
            _fields.Push((true, top.Hidden));
        }
        else if (type == FieldCharValues.End && _fields.Count > 0)
        {
            _fields.Pop();
        }
    }

    private static bool IsOn(OpenXmlElement? element, string ns)
    {
        if (element is null)
        {
            return false;
        }

        var value = element.GetAttributes().FirstOrDefault(a => a.LocalName == "val" && (a.NamespaceUri == ns || a.NamespaceUri.Length == 0)).Value;
        return value is null or "1" or "true" or "on";
    }

    private static bool IsWingdings(Text t) =>
        t.Parent is Run { RunProperties.RunFonts: { } fonts } &&
        ((fonts.Ascii?.Value ?? fonts.HighAnsi?.Value ?? "").StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase));

    private static string MapWingdings(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(MapWingdingsChar(c, wingdings2: false) ?? c.ToString());
        }

        return builder.ToString();
    }

    private static string MapSymbol(SymbolChar symbol)
    {
        var font = symbol.Font?.Value ?? "";
        if (!font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(symbol.Char?.Value, System.Globalization.NumberStyles.HexNumber, null, out var code))
        {
            return "";
        }

        return MapWingdingsChar((char)(code & 0xff), font.Contains('2', StringComparison.Ordinal)) ?? "";
    }

    // The boxes Word's Insert Symbol offers: Wingdings þ ý x ¨ o ü, Wingdings 2 R T P £ *.
    private static string? MapWingdingsChar(char c, bool wingdings2) => c is > '\u00ff' and (< '\uf000' or > '\uf0ff') ? null : (wingdings2, c & 0xff) switch
    {
        (false, 0xFE) or (false, 0xFD) or (false, 0x78) or (false, 0xFC) => $"{CheckboxText.Ticked}",
        (false, 0xA8) or (false, 0x6F) => $"{CheckboxText.Unticked}",
        (true, 0x52) or (true, 0x54) or (true, 0x50) => $"{CheckboxText.Ticked}",
        (true, 0xA3) or (true, 0x2A) => $"{CheckboxText.Unticked}",
        _ => null,
    };
}
