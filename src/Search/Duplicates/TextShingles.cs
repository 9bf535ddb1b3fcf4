using System.Buffers;

namespace CaseIngest.Search.Duplicates;

/// <summary>A text as the set of its character 5-grams (letters, digits and ideographs only, so layout, punctuation and
/// spacing do not matter), and the Jaccard similarity of two such sets. Its first hashes are a small sketch (the
/// smallest hashes, bottom-k), so a text can be told far from another in a few hundred steps instead of a lookup per
/// 5-gram: the detector compares each package with every recent one, and the exact count is only needed near the
/// threshold.</summary>
/// <remarks>The set is a sorted array of distinct, well-mixed hashes (<see cref="SampleHash.Of"/>), 8 bytes a gram,
/// compared by one merge pass; sorted that way, its first k hashes are the bottom-k sketch, with no second array or
/// sort (that second sort was about an eighth of the duplicate check's samples in a perf profile). The detector keeps
/// the last few hundred texts of a process, and as hash sets (about 40 bytes a gram with their buckets) those were most of
/// a long-running worker's growth outside OCR (docs/BENCHMARKS.md, memory).</remarks>
internal sealed class TextShingles
{
    private const int Width = 5;

    /// <summary>The sketch's size: the estimate's standard error is at most 0.5 / √128 ≈ 0.044.</summary>
    private const int SketchSize = 128;

    /// <summary>How far below a floor an estimate must lie to skip the exact count: over five standard errors.</summary>
    private const double SketchMargin = 0.25;

    private readonly ulong[] _hashes;

    private TextShingles(ulong[] hashes, int length)
    {
        _hashes = hashes;
        Length = length;
    }

    /// <summary>Letters, digits and ideographs counted.</summary>
    public int Length { get; }

    public static TextShingles Of(string text)
    {
        var normalised = ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                normalised[length++] = char.ToLowerInvariant(c);
            }
        }

        var grams = Math.Max(0, length - Width + 1);
        var hashes = new ulong[grams];
        for (var i = 0; i < grams; i++)
        {
            hashes[i] = SampleHash.Of(normalised.AsSpan(i, Width));
        }

        ArrayPool<char>.Shared.Return(normalised);

        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (distinct == 0 || hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return new TextShingles(distinct == hashes.Length ? hashes : hashes[..distinct], length);
    }

    public double JaccardWith(TextShingles other)
    {
        if (_hashes.Length == 0 || other._hashes.Length == 0)
        {
            return 0;
        }

        var (mine, theirs, shared) = (0, 0, 0);
        while (mine < _hashes.Length && theirs < other._hashes.Length)
        {
            var order = _hashes[mine].CompareTo(other._hashes[theirs]);
            shared += order == 0 ? 1 : 0;
            mine += order <= 0 ? 1 : 0;
            theirs += order >= 0 ? 1 : 0;
        }

        return shared / (double)(_hashes.Length + other._hashes.Length - shared);
    }

    /// <summary>The exact Jaccard similarity when it may reach <paramref name="floor"/>; 0 when the sketches put it far
    /// below (a similarity under the floor is never reported, so its exact value is not needed).</summary>
    public double JaccardIfNear(TextShingles other, double floor) =>
        EstimateJaccardWith(other) < floor - SketchMargin ? 0 : JaccardWith(other);

    /// <summary>The bottom-k estimate: of the k smallest hashes of the union, the share both texts hold. Exact when
    /// both texts have fewer than k 5-grams.</summary>
    public double EstimateJaccardWith(TextShingles other)
    {
        var mySketch = Sketch;
        var theirSketch = other.Sketch;
        if (mySketch.Length == 0 || theirSketch.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, taken = 0, shared = 0;
        while (taken < SketchSize && (i < mySketch.Length || j < theirSketch.Length))
        {
            if (j == theirSketch.Length || (i < mySketch.Length && mySketch[i] < theirSketch[j]))
            {
                i++;
            }
            else if (i == mySketch.Length || theirSketch[j] < mySketch[i])
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

    /// <summary>The k smallest hashes: the set's first, as it is sorted.</summary>
    private ReadOnlySpan<ulong> Sketch => _hashes.AsSpan(0, Math.Min(SketchSize, _hashes.Length));
}
