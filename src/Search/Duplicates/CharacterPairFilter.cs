namespace CaseIngest.Search.Duplicates;

/// <summary>
/// Which pairs of adjacent characters a text holds, as bits in a filter of 2^18 (32 KB): a term with a pair whose bit
/// is clear is surely not in the text, so a substring search runs only for the terms that may be. The duplicate check
/// tests each record saved since the last commit for 48 sampled bigrams of every new report; most are absent, and an
/// absent term made the search read the whole report — most of the check's time (a second's saves, seven reports or so,
/// for every package). Built once a record is saved; the answer stays exact (a set bit only lets the search run).
/// </summary>
internal sealed class CharacterPairFilter
{
    private const int HashBits = 18;

    private readonly ulong[] _bits = new ulong[(1 << HashBits) / 64];

    public CharacterPairFilter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 1; i < text.Length; i++)
        {
            var bit = Bit(text[i - 1], text[i]);
            _bits[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    /// <summary>False when the text surely does not hold <paramref name="term"/>; true when it may (a single character
    /// always may).</summary>
    public bool MayHold(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        for (var i = 1; i < term.Length; i++)
        {
            var bit = Bit(term[i - 1], term[i]);
            if ((_bits[bit >> 6] & (1UL << (bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // Fibonacci hashing of the two UTF-16 units: the top bits of the product spread neighbouring characters apart.
    private static int Bit(char first, char second) =>
        (int)((((uint)first << 16) | second) * 2654435769u >> (32 - HashBits));
}
