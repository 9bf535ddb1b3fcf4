using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Support;

/// <summary>A labelled text of tests/corpus-extra: the report as StructureChecks leaves it in the record (one line of
/// <c>report.text</c> per heading, paragraph and table cell row; the outline) and what a careful reader found
/// (labels/Rnn.json: the points covered, with the best evidence quote, and omitted).</summary>
public sealed record LabelledReport(string Id, ReportSection Report, IReadOnlySet<string> Covered, IReadOnlySet<string> Omitted,
    IReadOnlyDictionary<string, string> BestEvidence)
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "corpus-extra");

    /// <summary>Every labelled text (R01 …), in id order. Each text is one report: a text is its own group in any split.</summary>
    public static IReadOnlyList<LabelledReport> All { get; } = Directory.GetFiles(Path.Combine(Folder, "labels"), "R*.json")
        .Order(StringComparer.Ordinal).Select(f => Load(Path.GetFileNameWithoutExtension(f))).ToList();

    public static LabelledReport Get(string id) => All.Single(r => r.Id == id);

    private static LabelledReport Load(string id)
    {
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "labels", id + ".json")));
        using var text = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "texts", id + ".json")));
        var root = labels.RootElement;
        return new LabelledReport(id, ToReport(text.RootElement.GetProperty("report")),
            root.GetProperty("rubric_covered").EnumerateArray().Select(e => e.GetString()!).ToHashSet(),
            root.GetProperty("rubric_omitted").EnumerateArray().Select(e => e.GetString()!).ToHashSet(),
            root.GetProperty("rubric_evidence").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    /// <summary>The writer's structured text as a record's report section: headings and paragraphs in order, each
    /// table (after the heading it follows) as its caption and one line per row, cells joined by " | ".</summary>
    public static ReportSection ToReport(JsonElement report)
    {
        var text = new StringBuilder();
        var outline = new List<OutlineEntry>();
        var tables = report.TryGetProperty("tables", out var t) ? t.EnumerateArray().ToList() : [];
        foreach (var section in report.GetProperty("sections").EnumerateArray())
        {
            var heading = section.GetProperty("heading").GetString()!;
            outline.Add(new OutlineEntry { Level = section.GetProperty("level").GetInt32(), Heading = heading });
            text.Append(heading).Append('\n');
            foreach (var paragraph in section.GetProperty("paragraphs").EnumerateArray())
            {
                text.Append(paragraph.GetString()).Append('\n');
            }

            foreach (var table in tables.Where(x => x.TryGetProperty("after_heading", out var h) && h.GetString() == heading))
            {
                if (table.TryGetProperty("caption", out var caption))
                {
                    text.Append(caption.GetString()).Append('\n');
                }

                foreach (var row in table.GetProperty("rows").EnumerateArray())
                {
                    text.Append(string.Join(" | ", row.EnumerateArray().Select(c => c.GetString()))).Append('\n');
                }
            }
        }

        return new ReportSection { Text = text.ToString().TrimEnd('\n'), Outline = outline };
    }
}
