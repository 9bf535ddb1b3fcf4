using CaseIngest.Abstractions.Editions;

namespace CaseIngest.Editions.Registry;

/// <summary>An edition's registry of recommending units: a name (or alias) to its unit, and each unit's quota.
/// Matching is exact on <see cref="NameKey"/>: aliases match, near-names do not.</summary>
public sealed class RecommenderRegistry
{
    private static readonly string[] s_confederationForms = ["企业联合会", "企业家协会", "企联"];
    private readonly Dictionary<string, RegisteredUnit> _byKey;

    private RecommenderRegistry(IReadOnlyList<RegisteredUnit> units, Dictionary<string, RegisteredUnit> byKey)
    {
        Units = units;
        _byKey = byKey;
    }

    /// <summary>Every unit, in the file's order.</summary>
    public IReadOnlyList<RegisteredUnit> Units { get; }

    /// <summary>The unit a name denotes, or null.</summary>
    public RegisteredUnit? Match(string? name) =>
        NameKey.Of(name) is { Length: > 0 } key && _byKey.TryGetValue(key, out var unit) ? unit : null;

    /// <summary>Builds the registry; two units claiming one name is an error naming both.</summary>
    /// <exception cref="RegistryException">An entry without a name, or a name claimed twice.</exception>
    public static RecommenderRegistry Build(RegistryFile file, int defaultQuota, int memberQuota, string source)
    {
        var units = new List<RegisteredUnit>();
        var byKey = new Dictionary<string, RegisteredUnit>(StringComparer.Ordinal);
        foreach (var (entry, position) in file.Units.Select((e, i) => (e, i + 1)))
        {
            var name = entry.Name ?? (entry.Region is { Length: > 0 } region ? region + "企业联合会" : null);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new RegistryException($"{source}: unit {position} has neither a name nor a region.");
            }

            var kinds = entry.Kinds.Count > 0 ? entry.Kinds : entry.Region is null ? [] : [RecommenderKinds.Confederation];
            var member = kinds.Contains(RecommenderKinds.CommitteeMember, StringComparer.Ordinal);
            var quota = entry.Quota ?? (member ? memberQuota : defaultQuota);
            if (quota < 1)
            {
                throw new RegistryException($"{source}: unit {name} has quota {quota}; a quota is at least 1.");
            }

            var unit = new RegisteredUnit(new RecommendingUnitInfo(name.Trim(), kinds), quota, member);
            units.Add(unit);
            foreach (var alias in NamesOf(entry, name))
            {
                var key = NameKey.Of(alias);
                if (key.Length == 0)
                {
                    continue;
                }

                if (byKey.TryGetValue(key, out var other) && !ReferenceEquals(other, unit))
                {
                    throw new RegistryException($"{source}: the name '{alias}' belongs to both {other.Name} and {unit.Name}.");
                }

                byKey[key] = unit;
            }
        }

        return new RecommenderRegistry(units, byKey);
    }

    private static IEnumerable<string> NamesOf(RegistryEntry entry, string name)
    {
        yield return name;
        foreach (var alias in entry.Aliases)
        {
            yield return alias;
        }

        if (entry.Region is not { Length: > 0 } region)
        {
            yield break;
        }

        // 广东省企业联合会, 广东企业家协会, 广东省企业联合会/企业家协会, 广东省企业联合会（广东省企业家协会）, 广东企联…
        string[] regions = [region, .. entry.Short is { Length: > 0 } s ? new[] { s } : [],
            .. region.EndsWith("自治区", StringComparison.Ordinal) && entry.Short is { Length: > 0 } s2 ? new[] { s2 + "自治区" } : []];
        foreach (var r in regions)
        {
            foreach (var form in s_confederationForms)
            {
                yield return r + form;
            }

            yield return r + "企业联合会企业家协会";
            yield return r + "企业家协会企业联合会";
            foreach (var again in regions)
            {
                yield return r + "企业联合会" + again + "企业家协会";
                yield return r + "企业家协会" + again + "企业联合会";
            }
        }
    }
}

/// <summary>A unit of the registry with its quota in the edition.</summary>
/// <param name="Info">Name and kinds, as rules see them.</param>
/// <param name="Quota">Submissions it may make in the edition.</param>
/// <param name="CommitteeMember">A 智工委 member unit (may submit its own cases directly).</param>
public sealed record RegisteredUnit(RecommendingUnitInfo Info, int Quota, bool CommitteeMember)
{
    public string Name => Info.Name;
}
