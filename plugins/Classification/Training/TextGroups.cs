using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>
/// Puts cases whose report texts are nearly the same (a resubmission with a new title or without its 目录, one case
/// sent by two recommenders) into one group, so cross-validation never tests on a text it trained on. Near-duplicate
/// means: at least half of the character 5-grams shared (Jaccard); unrelated reports of one industry share a few
/// percent. Transitive (a union-find), and named by each group's smallest id, so the grouping is deterministic.
/// </summary>
internal static class TextGroups
{
    private const int ShingleLength = 5;
    private const double SameTextJaccard = 0.5;

    public static IReadOnlyList<string> Assign(IReadOnlyList<(string Id, CaseText Text)> cases)
    {
        var shingles = cases.Select(c => Shingles(c.Text.Body.Length > 0 ? c.Text.Body : c.Text.Title)).ToList();
        var parent = Enumerable.Range(0, cases.Count).ToArray();
        for (var i = 0; i < cases.Count; i++)
        {
            for (var j = i + 1; j < cases.Count; j++)
            {
                if (Jaccard(shingles[i], shingles[j]) >= SameTextJaccard)
                {
                    parent[Find(parent, j)] = Find(parent, i);
                }
            }
        }

        var names = Enumerable.Range(0, cases.Count)
            .GroupBy(i => Find(parent, i))
            .SelectMany(g => g.Select(i => (Index: i, Name: g.Select(k => cases[k].Id).Min(StringComparer.Ordinal)!)))
            .ToDictionary(x => x.Index, x => x.Name);
        return Enumerable.Range(0, cases.Count).Select(i => names[i]).ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    // FNV-1a, not string.GetHashCode: the latter is randomised per process and the grouping must not be.
    private static HashSet<ulong> Shingles(string text)
    {
        var set = new HashSet<ulong>();
        for (var start = 0; start + ShingleLength <= text.Length; start++)
        {
            var hash = 14695981039346656037UL;
            for (var k = start; k < start + ShingleLength; k++)
            {
                hash = (hash ^ text[k]) * 1099511628211UL;
            }

            set.Add(hash);
        }

        return set;
    }
}
