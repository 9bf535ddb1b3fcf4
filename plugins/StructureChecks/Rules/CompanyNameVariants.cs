using System.Text.RegularExpressions;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Rules;

/// <summary>The ways a report may name its own company: the full registered name, the name without its legal form
/// (股份有限公司, 集团…), without its region (合肥, 广西…), the trade name (字号) on its own, and every short name the
/// report declares itself (（以下简称“华锐股份”）).</summary>
internal static partial class CompanyNameVariants
{
    private static readonly string[] RegionSuffixes = ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"];

    public static List<(string Name, string Why)> Of(string? fullName, ReportDocument document, RuleSet ruleSet)
    {
        var variants = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(fullName))
        {
            var full = Clean(fullName);
            Add(variants, full, "申报单位全称");
            var core = StripSuffixes(full, ruleSet.CompanySuffixes ?? []);
            Add(variants, core, "去掉组织形式的名称");
            var local = StripRegion(core, ruleSet.RegionPrefixes ?? []);
            // 上海电气 without 上海 is 电气, a word every title may use: a short form needs three characters to be a name.
            if (local.Length >= 3)
            {
                Add(variants, local, "去掉地名的简称");
            }

            if (local.Length >= 4 && WordCounter.IsIdeograph(local[0]) && WordCounter.IsIdeograph(local[1]) &&
                !(ruleSet.GenericNameParts ?? []).Contains(local[..2]))
            {
                Add(variants, local[..2], "字号");
            }
        }

        var suffixes = ruleSet.CompanySuffixes ?? [];
        foreach (var p in document.Paragraphs)
        {
            foreach (Match m in DeclaredShortName().Matches(p.Text))
            {
                // “…平台（以下简称“平台”）” abbreviates a system, not the company: only a short name given to an
                // organisation's name counts.
                var named = p.Text[Math.Max(0, m.Index - 40)..m.Index].TrimEnd(' ', '（', '(', '，', ',');
                if (suffixes.Any(s => named.EndsWith(s, StringComparison.Ordinal)))
                {
                    Add(variants, Clean(m.Groups[1].Value), $"报告自称的简称（第 {p.Index + 1} 段“{FindingSink.Excerpt(named[Math.Max(0, named.Length - 16)..] + m.Value, 40)}”）");
                }
            }
        }

        return variants;
    }

    /// <summary>Whether two writings name the same company: equal but for spaces and brackets (full- or half-width), or
    /// one is a variant of the other (a short name, the name without its region or legal form).</summary>
    public static bool SameCompany(string one, string other, ReportDocument document, RuleSet ruleSet)
    {
        var a = Clean(one);
        var b = Clean(other);
        return a == b || Local(a, ruleSet) == Local(b, ruleSet) ||
               Of(one, document, ruleSet).Any(v => v.Name == b) || Of(other, document, ruleSet).Any(v => v.Name == a);
    }

    private static void Add(List<(string, string)> variants, string name, string why)
    {
        if (name.Length >= 2 && !variants.Any(v => v.Item1 == name))
        {
            variants.Add((name, why));
        }
    }

    private static string Clean(string name) => Noise().Replace(name, "");

    /// <summary>The name without its legal form and region: 江苏示例精密制造（集团）股份有限公司 → 示例精密制造.</summary>
    private static string Local(string cleaned, RuleSet ruleSet) =>
        StripRegion(StripSuffixes(cleaned, ruleSet.CompanySuffixes ?? []), ruleSet.RegionPrefixes ?? []);

    private static string StripSuffixes(string name, IReadOnlyList<string> suffixes)
    {
        // 集团股份有限公司 → 集团 → (nothing): strip until no legal form is left.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var suffix in suffixes.OrderByDescending(s => s.Length))
            {
                if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    name = name[..^suffix.Length];
                    changed = true;
                    break;
                }
            }
        }

        return name;
    }

    private static string StripRegion(string name, IReadOnlyList<string> regions)
    {
        foreach (var region in regions.OrderByDescending(r => r.Length))
        {
            if (!name.StartsWith(region, StringComparison.Ordinal) || name.Length <= region.Length + 1)
            {
                continue;
            }

            var rest = name[region.Length..];
            foreach (var suffix in RegionSuffixes)
            {
                if (rest.StartsWith(suffix, StringComparison.Ordinal) && rest.Length > suffix.Length + 1)
                {
                    rest = rest[suffix.Length..];
                    break;
                }
            }

            return rest;
        }

        return name;
    }

    [GeneratedRegex(@"[\s\u3000（）()]|[（(]集团[）)]")]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?:以下简称|以下称|下称|简称)\s*[为:：]?\s*[“""「『]([^”""」』]{2,16})[”""」』]")]
    private static partial Regex DeclaredShortName();
}
