using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>
/// Separates an opinion cell's opinion from what the form prints for the signature (申报单位盖章, 年 月 日) and from the
/// recommending unit's name, which forms state as 推荐单位：… or as the label of the seal (…企业联合会（盖章）).
/// </summary>
internal static partial class SignatureFurniture
{
    public static (string? Opinion, string? UnitName) Split(string? cellText)
    {
        if (string.IsNullOrWhiteSpace(cellText))
        {
            return (null, null);
        }

        string? unit = null;
        var kept = new List<string>();
        foreach (var rawLine in cellText.Split('\n'))
        {
            var line = rawLine.Trim();
            var stamp = StampNote().Match(line);
            if (stamp.Success)
            {
                var before = line[..stamp.Index].Trim();
                // "…企业联合会（盖章）": the text before a bare (盖章) on its own line names the unit.
                if (stamp.Value.TrimStart()[0] is '(' or '（' && UnitName().IsMatch(before) && !before.Contains('。'))
                {
                    unit ??= StripStatementPrefix(before);
                    continue;
                }

                line = before;
            }

            line = TrailingDate().Replace(line, "").Trim();
            var statement = UnitStatement().Match(line);
            if (statement.Success)
            {
                var name = FormText.Value(statement.Groups["name"].Value);
                if (name is not null)
                {
                    unit ??= name;
                }

                line = line[..statement.Index].Trim();
            }

            if (line.Length > 0 && !SignatureOnly().IsMatch(line))
            {
                kept.Add(line);
            }
        }

        return (kept.Count == 0 ? null : string.Join("\n", kept), unit);
    }

    private static string StripStatementPrefix(string text)
    {
        var m = UnitStatement().Match(text);
        return FormText.Value(m.Success ? m.Groups["name"].Value : text) ?? text;
    }

    // 申报单位盖章, 推荐单位（盖章）, （盖章）, 单位负责人签字 — and everything after it on the line (the date).
    [GeneratedRegex(@"(?:(?:申报|推荐)单位\s*[（(]?\s*盖\s*章|[（(]\s*盖\s*章\s*[）)]|(?:单位)?负责人\s*[（(]?\s*签\s*[字名章]|盖\s*章\s*[:：]).*$")]
    private static partial Regex StampNote();

    // 2026 年 6 月 12 日, or the printed blanks 年　月　日, at the end of a line.
    [GeneratedRegex(@"[\d\s_]*年[\d\s_]*月[\d\s_]*日\s*$")]
    private static partial Regex TrailingDate();

    // 推荐单位：安徽省企业联合会 (also 推荐单位名称, 申报单位 for the applicant's block).
    [GeneratedRegex(@"(?:推荐|申报)单位(?:名称)?\s*[:：]\s*(?<name>.*)$")]
    private static partial Regex UnitStatement();

    [GeneratedRegex(@"(会|公司|集团|协会|联合会|委员会|局|厅|院|中心|所|部|单位|社)$")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"^[\s:：（）()_]*$")]
    private static partial Regex SignatureOnly();
}
