namespace CaseIngest.Search.Duplicates;

/// <summary>A text as the set of its character 5-grams (letters, digits and ideographs only, so layout, punctuation and
/// spacing do not matter), and the Jaccard similarity of two such sets.</summary>
internal sealed class TextShingles
{
    private const int Width = 5;
    private readonly HashSet<ulong> _hashes;

    private TextShingles(HashSet<ulong> hashes, int length)
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

        var hashes = new HashSet<ulong>();
        for (var i = 0; i + Width <= length; i++)
        {
            hashes.Add(Fnv1a(normalised.AsSpan(i, Width)));
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
