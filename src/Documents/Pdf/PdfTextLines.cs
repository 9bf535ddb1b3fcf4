using System.Text;
using UglyToad.PdfPig.Content;

namespace CaseIngest.Documents.Pdf;

/// <summary>
/// A text PDF's letters put back into lines, the part every reader of PDF text shares: a PDF has glyphs at positions,
/// not lines or words. Lines run top to bottom (PDF y grows upwards), letters left to right.
/// </summary>
public static class PdfTextLines
{
    /// <summary>Writers that emit space glyphs (LibreOffice, Word) say where spaces are; others leave them to be
    /// inferred from the gaps between letters.</summary>
    public static bool HasSpaceGlyphs(Page page) => page.Letters.Any(l => l.Value == " ");

    /// <summary>The letters as lines: a letter whose baseline lies within 0.4 × its size (at least 4 pt) of a line's
    /// first letter belongs to that line, so sub- and superscripts and mixed fonts stay on their line.</summary>
    public static List<List<Letter>> Group(IEnumerable<Letter> letters)
    {
        var lines = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= Math.Max(letter.PointSize, 4) * 0.4)
            {
                line.Add(letter);
            }
            else
            {
                lines.Add([letter]);
            }
        }

        // A stable sort: a glyph printed twice at one spot (simulated bold) keeps its order.
        return lines.Select(l => l.OrderBy(x => x.StartBaseLine.X).ToList()).ToList();
    }

    /// <summary>The text of a line. With <paramref name="spaceGlyphs"/> the writer's own spaces are kept; without,
    /// a gap wider than a quarter of the font size (at least 1 pt) is a space.</summary>
    public static string Text(IReadOnlyList<Letter> line, bool spaceGlyphs)
    {
        var builder = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in line)
        {
            if (!spaceGlyphs && previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(letter.PointSize, 4) * 0.25)
            {
                builder.Append(' ');
            }

            builder.Append(letter.Value);
            previous = letter;
        }

        return builder.ToString();
    }
}
