using CaseIngest.Abstractions.Records;
using CaseIngest.Documents.Docx;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>Reads which 案例类型 boxes are ticked from the type cell's text. The readers have already turned content-control
/// and legacy form-field checkboxes into <see cref="Ticked"/> / <see cref="Unticked"/>, so text symbols are all there is.</summary>
internal static class CheckboxText
{
    public const char Ticked = CheckboxGlyphs.Ticked;
    public const char Unticked = CheckboxGlyphs.Unticked;

    private const string TickedSymbols = "☑☒■√✓✔✅⊠▣◼⬛●◉";
    private const string UntickedSymbols = "□☐◻▢○◯⬜";

    public static bool IsBox(char c) => TickedSymbols.Contains(c) || UntickedSymbols.Contains(c);

    /// <summary>The types ticked, in the form's order of appearance, each once.</summary>
    public static List<string> TickedTypes(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var boxes = new List<(int Index, bool IsTicked)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (IsBox(text[i]))
            {
                boxes.Add((i, TickedSymbols.Contains(text[i])));
            }
        }

        if (boxes.Count == 0)
        {
            // No boxes at all (案例类型：解决方案类): a single type named is the one declared.
            var named = CaseTypes.All.Where(t => Names(text, t)).ToList();
            if (named.Count == 1)
            {
                result.Add(named[0]);
            }

            return result;
        }

        // Boxes before their labels (☑业务融合创新类) unless a label comes first (业务融合创新类☑). What precedes the first
        // box that is no word (a stray mark a scan's OCR read in the margin) does not make it a label. Labels come first
        // only when a box also ends the list: a scan whose first box went unseen (its outline touching the word after it) starts
        // with a word too, but still ends with its last label, and its ticks belong to the words after them.
        var firstWord = text.Select((c, i) => (c, i)).FirstOrDefault(x => IsWord(x.c)).i;
        var lastWord = text.Select((c, i) => (c, i)).LastOrDefault(x => IsWord(x.c)).i;
        var boxesFirst = boxes[0].Index < firstWord || !text.Any(IsWord) || boxes[^1].Index < lastWord;
        for (var k = 0; k < boxes.Count; k++)
        {
            if (!boxes[k].IsTicked)
            {
                continue;
            }

            var label = boxesFirst
                ? text[(boxes[k].Index + 1)..(k + 1 < boxes.Count ? boxes[k + 1].Index : text.Length)]
                : text[(k > 0 ? boxes[k - 1].Index + 1 : 0)..boxes[k].Index];
            var type = CaseTypes.Normalize(label.Trim(' ', '\n', '\t', '(', ')', '（', '）', '[', ']', '【', '】', ':', '：'));
            if (type is not null && !result.Contains(type))
            {
                result.Add(type);
            }
        }

        return result;
    }

    private static bool IsWord(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;

    private static bool Names(string text, string type)
    {
        var compact = FormText.Compact(text);
        return type == CaseTypes.DigitalInfrastructure
            ? compact.Contains("基础设施", StringComparison.Ordinal)
            : compact.Contains(type.TrimEnd('类'), StringComparison.Ordinal);
    }
}
