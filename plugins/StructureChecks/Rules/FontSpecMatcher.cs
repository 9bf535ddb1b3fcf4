using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>Holds a paragraph's resolved font against a <see cref="FontSpec"/>, knowing the names a font goes by.</summary>
internal static class FontSpecMatcher
{
    /// <summary>What is off, in words for the evidence ("字体 楷体≠黑体"), or null when it conforms.</summary>
    public static string? Deviation(TextFormat format, FontSpec spec, FormatRules rules)
    {
        var problems = new List<string>();
        if (spec.Font is { } font && format.EastAsiaFont is { } actual && !IsFont(actual, font, rules))
        {
            problems.Add($"字体 {actual}≠{font}");
        }

        if (spec.SizePt is { } size && Math.Abs(format.SizePt - size) > rules.SizeTolerancePt)
        {
            problems.Add($"字号 {format.SizePt:0.#}≠{size:0.#} 磅");
        }

        if (spec.Bold is { } bold && format.Bold != bold)
        {
            problems.Add(bold ? "未加粗" : "加粗");
        }

        if (spec.Centered is { } centered && format.Centered != centered)
        {
            problems.Add(centered ? "未居中" : "居中");
        }

        return problems.Count == 0 ? null : string.Join("，", problems);
    }

    public static string Describe(FontSpec spec) =>
        $"{spec.Font ?? "任意字体"}{(spec.SizePt is { } s ? $" {s:0.#} 磅" : "")}{(spec.Bold == true ? " 加粗" : "")}{(spec.Centered == true ? " 居中" : "")}";

    private static bool IsFont(string actual, string expected, FormatRules rules)
    {
        var name = actual.Trim();
        if (string.Equals(name, expected, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return rules.FontAliases is { } aliases && aliases.TryGetValue(expected, out var names) &&
               names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
