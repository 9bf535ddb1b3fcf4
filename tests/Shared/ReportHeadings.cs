using System.Text.RegularExpressions;

namespace CaseIngest.Testing;

/// <summary>How a corpus report numbers its headings: 一、 (level 1), （一） (level 2), 1. or 1． (level 3).</summary>
internal static partial class ReportHeadings
{
    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    public static partial Regex LevelOne();

    [GeneratedRegex("^（[一二三四五六七八九十]+）")]
    public static partial Regex LevelTwo();

    [GeneratedRegex(@"^\d+[\.．]")]
    public static partial Regex LevelThree();
}
