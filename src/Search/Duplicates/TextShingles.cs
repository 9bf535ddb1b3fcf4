namespace CaseIngest.Search.Duplicates;

/// <summary>A text as the set of its character 5-grams (letters, digits and ideographs only, so layout, punctuation and
/// spacing do not matter), and the Jaccard similarity of two such sets.</summary>
/// <remarks>The set is a sorted array of distinct hashes, 8 bytes a gram, compared by one merge pass: the detector keeps
/// the last few hundred texts of a process, and as hash sets (about 40 bytes a gram with their buckets) those were most of
/// a long-running worker's growth outside OCR (docs/BENCHMARKS.md, memory).</remarks>
internal sealed class TextShingles
{
    private const int Width = 5;
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
        var normalised = new char[text.Length];
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
            hashes[i] = Fnv1a(normalised.AsSpan(i, Width));
        }

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

    private static ulong Fnv1a(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
