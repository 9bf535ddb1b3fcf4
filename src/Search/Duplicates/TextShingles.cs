namespace CaseIngest.Search.Duplicates;

/// <summary>A text as the set of its character 5-grams (letters, digits and ideographs only, so layout, punctuation and
/// spacing do not matter), and the Jaccard similarity of two such sets. Beside the set it keeps a small sketch (the
/// smallest hashes, bottom-k), so a text can be told far from another in a few hundred steps instead of a lookup per
/// 5-gram: the detector compares each package with every recent one, and the exact count is only needed near the
/// threshold.</summary>
internal sealed class TextShingles
{
    private const int Width = 5;

    /// <summary>The sketch's size: the estimate's standard error is at most 0.5 / √128 ≈ 0.044.</summary>
    private const int SketchSize = 128;

    /// <summary>How far below a floor an estimate must lie to skip the exact count: over five standard errors.</summary>
    private const double SketchMargin = 0.25;

    private readonly HashSet<ulong> _hashes;
    private readonly ulong[] _sketch;

    private TextShingles(HashSet<ulong> hashes, int length)
    {
        _hashes = hashes;
        Length = length;
        _sketch = BottomK(hashes);
    }

    /// <summary>Letters, digits and ideographs counted.</summary>
    public int Length { get; }

    public static TextShingles Of(string text)
    {
        var normalised = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                normalised[length++] = char.ToLowerInvariant(c);
            }
        }

        var hashes = new HashSet<ulong>();
        for (var i = 0; i + Width <= length; i++)
        {
            hashes.Add(SampleHash.Fnv1a(normalised.AsSpan(i, Width)));
        }

        return new TextShingles(hashes, length);
    }

    public double JaccardWith(TextShingles other)
    {
        if (_hashes.Count == 0 || other._hashes.Count == 0)
        {
            return 0;
        }

        var (small, large) = _hashes.Count <= other._hashes.Count ? (_hashes, other._hashes) : (other._hashes, _hashes);
        var shared = small.Count(large.Contains);
        return shared / (double)(_hashes.Count + other._hashes.Count - shared);
    }

    /// <summary>The exact Jaccard similarity when it may reach <paramref name="floor"/>; 0 when the sketches put it far
    /// below (a similarity under the floor is never reported, so its exact value is not needed).</summary>
    public double JaccardIfNear(TextShingles other, double floor) =>
        EstimateJaccardWith(other) < floor - SketchMargin ? 0 : JaccardWith(other);

    /// <summary>The bottom-k estimate: of the k smallest hashes of the union, the share both texts hold. Exact when
    /// both texts have fewer than k 5-grams.</summary>
    public double EstimateJaccardWith(TextShingles other)
    {
        if (_sketch.Length == 0 || other._sketch.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, taken = 0, shared = 0;
        while (taken < SketchSize && (i < _sketch.Length || j < other._sketch.Length))
        {
            if (j == other._sketch.Length || (i < _sketch.Length && _sketch[i] < other._sketch[j]))
            {
                i++;
            }
            else if (i == _sketch.Length || other._sketch[j] < _sketch[i])
            {
                j++;
            }
            else
            {
                // Both hold it, and it is among the union's smallest.
                shared++;
                i++;
                j++;
            }

            taken++;
        }

        return shared / (double)taken;
    }

    /// <summary>The k smallest of the set's hashes, mixed first (<see cref="SampleHash"/>).</summary>
    private static ulong[] BottomK(HashSet<ulong> hashes)
    {
        var mixed = new ulong[hashes.Count];
        var n = 0;
        foreach (var hash in hashes)
        {
            mixed[n++] = SampleHash.Mix(hash);
        }

        Array.Sort(mixed);
        return mixed.Length <= SketchSize ? mixed : mixed[..SketchSize];
    }
}
