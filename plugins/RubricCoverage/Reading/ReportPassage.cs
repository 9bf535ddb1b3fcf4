using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.RubricCoverage.Configuration;

namespace CaseIngest.Plugins.RubricCoverage.Reading;

/// <summary>A paragraph of the report as coverage reads it: where it stands and which dimension's section it is in.</summary>
/// <param name="Paragraph">0-based line of <c>report.text</c>.</param>
/// <param name="Text">The paragraph.</param>
/// <param name="Section">The innermost level-1/2 heading above it.</param>
/// <param name="Heading">The innermost level-3+ heading above it within the section (its words signal too), or null.</param>
/// <param name="Dimension">The dimension whose section it is in, or null (企业概况, an unnamed section).</param>
internal sealed record ReportPassage(int Paragraph, string Text, string? Section, string? Heading, string? Dimension)
{
    /// <summary>What the signals are matched against: the sub-heading's words count as the paragraph's own.</summary>
    public string ScoredText { get; } = Heading is null ? Text : Heading + "\n" + Text;
}

/// <summary>Cuts <c>record.report</c> into passages, using its outline to tell headings from paragraphs.</summary>
internal static class ReportPassages
{
    public static IReadOnlyList<ReportPassage> Read(ReportSection report, Rubric rubric)
    {
        var lines = (report.Text ?? "").Split('\n');
        var passages = new List<ReportPassage>(lines.Length);
        var outline = report.Outline;
        var next = 0;
        string? level1 = null, level2 = null, inner = null, dimension1 = null, dimension = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            // The outline lists the headings in text order: a line equal to the next one is that heading.
            if (next < outline.Count && line == outline[next].Heading.Trim())
            {
                var level = outline[next++].Level;
                if (level == 1)
                {
                    (level1, level2, inner) = (line, null, null);
                    dimension1 = dimension = DimensionOf(line, rubric);
                }
                else if (level == 2)
                {
                    // A level-2 heading that names no dimension (（一）经济效益 under 三、绩效表现) is a sub-heading of
                    // its level-1 dimension: its words count for the paragraphs under it.
                    var named = DimensionOf(line, rubric);
                    (level2, inner) = (line, named is null && dimension1 is not null ? line : null);
                    dimension = named ?? dimension1;
                }
                else
                {
                    inner = line;
                }

                continue;
            }

            passages.Add(new ReportPassage(i, line, level2 ?? level1, inner, dimension));
        }

        return passages;
    }

    private static string? DimensionOf(string heading, Rubric rubric) =>
        rubric.Dimensions.LastOrDefault(d => d.Sections.Any(w => heading.Contains(w, StringComparison.Ordinal)))?.Id;
}
