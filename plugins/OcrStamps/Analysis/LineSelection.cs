using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Seals;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>
/// Which of a page's lines targeted reading reads, and how much of each. The checks need the blocks' labels
/// (申报单位意见：, 申报单位盖章, …: six or seven characters), the dates (2026年6月12日: under eight character widths) and
/// whatever a seal covers (the seal label and date sit under it; a seal's remnants can merge with them into one longer
/// line). The long lines — the title, the case name, the opinions — matter only where a label starts them.
/// </summary>
internal static class LineSelection
{
    /// <summary>A line up to this many of its heights long is read whole: a label or a date.</summary>
    public const double WholeUpTo = 12;

    /// <summary>Of a longer line, this many heights are read: as far as a label at its start reaches.</summary>
    public const double BeginningLength = 8;

    /// <summary>A line within this share of a seal's radius of the seal's square counts as beside it.</summary>
    private const double SealReach = 0.5;

    public static List<TextRegion> Choose(IReadOnlyList<TextRegion> lines, IReadOnlyList<DetectedSeal> seals)
    {
        var reach = seals.Select(s => OpenCvSharp.Rect.Inflate(s.Box, (int)(s.Radius * SealReach), (int)(s.Radius * SealReach))).ToList();
        var chosen = new List<TextRegion>(lines.Count);
        foreach (var line in lines)
        {
            var height = Math.Max(1, line.Height);
            var bounds = line.Bounds;
            var besideSeal = reach.Any(r => r.IntersectsWith(bounds));
            chosen.Add(besideSeal || line.Length <= WholeUpTo * height ? line : line.Beginning(BeginningLength * height));
        }

        return chosen;
    }
}
