namespace CaseIngest.Search.Duplicates;

/// <summary>The hash both bottom-k samples of a text use (the 5-gram sketch of <see cref="TextShingles"/>, the bigram
/// sample of the index's copy query): FNV-1a over the characters, then SplitMix64's finaliser. FNV of a few characters
/// is not spread evenly enough for its smallest values to be a fair sample; after the finaliser every input bit moves
/// every output bit.</summary>
internal static class SampleHash
{
    public static ulong Of(ReadOnlySpan<char> chars) => Mix(Fnv1a(chars));

    private static ulong Fnv1a(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A bijection: distinct hashes stay distinct, so a set of mixed hashes compares as the set it came from.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
