using System.Text;
using System.Text.RegularExpressions;
using CaseIngest.Ocr.Engines;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>Puts OCR lines back into reading order (rows top to bottom, left to right within a row) as text.</summary>
internal static partial class PageText
{
    /// <summary>Lines grouped into rows: lines whose vertical extents overlap by half the smaller height share a row.</summary>
    public static List<List<OcrLine>> Rows(IEnumerable<OcrLine> lines)
    {
        var rows = new List<List<OcrLine>>();
        foreach (var line in lines.OrderBy(l => l.Box.Top + l.Box.Height / 2.0))
        {
            var row = rows.LastOrDefault();
            if (row is not null && SameRow(row[^1], line))
            {
                row.Add(line);
            }
            else
            {
                rows.Add([line]);
            }
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        }

        return rows;
    }

    public static string RowText(IEnumerable<OcrLine> row) => Clean(string.Join(' ', row.Select(l => l.Text)));

    public static string Of(IEnumerable<OcrLine> lines)
    {
        var text = new StringBuilder();
        foreach (var row in Rows(lines))
        {
            text.AppendLine(RowText(row));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Drops the spaces OCR puts between Chinese characters (and next to Chinese punctuation).</summary>
    public static string Clean(string text) => SpaceBetweenCjk().Replace(text.Trim(), "");

    private static bool SameRow(OcrLine a, OcrLine b)
    {
        var overlap = Math.Min(a.Box.Bottom, b.Box.Bottom) - Math.Max(a.Box.Top, b.Box.Top);
        return overlap >= Math.Min(a.Box.Height, b.Box.Height) / 2.0;
    }

    [GeneratedRegex(@"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]+|[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")]
    private static partial Regex SpaceBetweenCjk();
}
