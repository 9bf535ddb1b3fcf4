using System.Text;

namespace CaseIngest.Bench.Reporting;

/// <summary>The rows as a markdown table: printed on the console and written to a file.</summary>
public static class ResultTable
{
    private static readonly string[] s_headers = ["area", "measure", "value", "target (DESIGN.md)", "how"];

    public static string ToMarkdown(IEnumerable<ResultRow> rows)
    {
        var cells = rows.Select(r => new[] { r.Area, r.Measure, r.Value, r.Target, r.Note }).ToList();
        var widths = s_headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendLine(text, s_headers, widths);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).Append("|\n");
        foreach (var row in cells)
        {
            AppendLine(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(Escape(cells[i]).PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
