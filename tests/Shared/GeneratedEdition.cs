using CaseIngest.Abstractions.Records;

namespace CaseIngest.Testing;

/// <summary>An edition made of the corpus's folder packages with manifests rewritten, for the tests that run the edition
/// stage through <c>ingest</c> and through workers and expect the same findings: twelve packages of one confederation under
/// five spellings (the two submitted last over its quota of 10), a late one, a 智工委 member unit's direct submission,
/// an unknown recommender and one without a submission time.</summary>
internal static class GeneratedEdition
{
    /// <summary>The registry the edition is checked with (Editions:8:Registry).</summary>
    public const string Registry = """
        {
          "units": [
            { "region": "广东省", "short": "广东" },
            { "region": "深圳市", "short": "深圳" },
            { "name": "华源智造集团有限公司", "aliases": ["华源智造"], "kinds": ["中央企业", "智工委委员单位"] }
          ]
        }
        """;

    private static readonly string[] s_spellings =
        ["广东省企业联合会", "广东省企业家协会", "广东企联", "广东省企业联合会/企业家协会", "广东企业联合会"];

    /// <summary>Submission id → the edition codes its record must carry (sorted, comma-separated; empty for none).</summary>
    public static IReadOnlyDictionary<string, string> ExpectedCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["G01"] = "recommender_over_quota",
        ["G02"] = "recommender_over_quota",
        ["G03"] = "", ["G04"] = "", ["G05"] = "", ["G06"] = "", ["G07"] = "", ["G08"] = "", ["G09"] = "", ["G10"] = "", ["G11"] = "",
        ["G12"] = "",
        ["LATE"] = "late_submission",
        ["OWN"] = "direct_submission",
        ["UNKNOWN"] = "recommender_unknown",
        ["NOTIME"] = "submitted_at_unknown",
    };

    /// <summary>Submission id → the codes of the edition stage's findings on it (plugin EditionCheck), sorted and comma-separated.</summary>
    public static async Task<Dictionary<string, string>> EditionCodesAsync(IAsyncEnumerable<CaseRecord> records)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var record in records)
        {
            codes[record.SubmissionId] = string.Join(",", record.Findings.Where(f => f.Plugin == "EditionCheck").Select(f => f.Code).Order(StringComparer.Ordinal));
        }

        return codes;
    }

    /// <summary>One "id: codes" line per record, sorted: what the tests compare (a difference reads at a glance).</summary>
    public static string Lines(IReadOnlyDictionary<string, string> codes) =>
        string.Join('\n', codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

    /// <summary>Writes the packages under <paramref name="root"/>/edition and the registry file; returns both.</summary>
    public static (IReadOnlyList<string> Packages, string RegistryPath) Make(string root)
    {
        var sources = Directory.GetDirectories(TestPaths.CorpusPackages).Order(StringComparer.Ordinal).ToArray();
        var packages = new List<string>();
        var july1 = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));
        void Add(string id, string manifest)
        {
            var target = Path.Combine(root, "edition", id);
            DirectoryTree.Copy(sources[packages.Count % sources.Length], target);
            File.WriteAllText(Path.Combine(target, "manifest.json"), manifest);
            packages.Add(target);
        }

        string Manifest(string id, string recommender, DateTimeOffset? at, bool direct = false) =>
            $$"""{"submissionId":"{{id}}","edition":8,"recommender":"{{recommender}}"{{(at is { } t ? $",\"submittedAt\":\"{t:O}\"" : "")}}{{(direct ? ",\"directSubmission\":true" : "")}}}""";

        // G01 is submitted last, G12 first: the time decides who is over the quota, not the id or the order of arrival.
        for (var i = 1; i <= 12; i++)
        {
            Add($"G{i:D2}", Manifest($"G{i:D2}", s_spellings[i % s_spellings.Length], july1.AddHours(13 - i)));
        }

        Add("LATE", Manifest("LATE", "深圳企联", new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.FromHours(8))));
        Add("OWN", Manifest("OWN", "华源智造集团有限公司", july1, direct: true));
        Add("UNKNOWN", Manifest("UNKNOWN", "广州市企业联合会", july1));
        Add("NOTIME", Manifest("NOTIME", "深圳市企业联合会", at: null));

        var registry = Path.Combine(root, "edition-registry.json");
        File.WriteAllText(registry, Registry);
        return (packages, registry);
    }
}
