using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.Classification.Features;

/// <summary>
/// Finds the applicant's description (一、企业概况) and the case's framing (the opening of 二、案例内容) in a normalized
/// report text, one paragraph per line. A 目录 lists the same headings before the body does, so the last such heading
/// is the section's (a 目录 entry followed by another entry is not a section either).
/// </summary>
internal static partial class ReportRegions
{
    public const int FramingLength = 600;
    private const int MaxHeadingLength = 40;

    private static readonly string[] s_overviewNames = ["企业概况", "企业简介", "公司概况", "公司简介", "企业基本情况"];
    private static readonly string[] s_contentNames = ["案例内容", "案例介绍", "主要做法"];

    public static (string Applicant, string Framing) Find(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var overview = SectionStart(lines, s_overviewNames);
        var content = SectionStart(lines, s_contentNames);
        var applicant = overview < 0 ? "" : string.Join('\n', lines.Skip(overview).TakeWhile(l => !IsTopHeading(l)));

        // Without a 案例内容 heading the case opens after the overview, or where the body starts.
        var from = content >= 0 ? content : overview >= 0 ? overview + applicant.Split('\n').Length : 0;
        var framing = Take(lines.Skip(from).Where(l => !IsHeading(l)), FramingLength);
        // A report that lacks its 企业概况 introduces the applicant where the case opens; a text without any heading is no
        // report, and says nothing apart about who the applicant is.
        var structured = lines.Any(IsHeading);
        return (applicant.Length > 0 ? applicant : structured ? framing : "", framing);
    }

    /// <summary>The index of the first paragraph under the last level-1 heading with one of these names; -1 when none.</summary>
    private static int SectionStart(string[] lines, string[] names)
    {
        for (var i = lines.Length - 2; i >= 0; i--)
        {
            if (IsTopHeading(lines[i]) && names.Any(n => lines[i].Contains(n, StringComparison.Ordinal)) && !IsTopHeading(lines[i + 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static string Take(IEnumerable<string> paragraphs, int length)
    {
        var text = string.Join('\n', paragraphs.TakeWhile((_, i) => i < 8));
        return text.Length <= length ? text : text[..length];
    }

    private static bool IsTopHeading(string line) => line.Length <= MaxHeadingLength && TopHeading().IsMatch(line);

    private static bool IsHeading(string line) => line.Length <= MaxHeadingLength && AnyHeading().IsMatch(line);

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])")]
    private static partial Regex AnyHeading();
}
