namespace CaseIngest.Plugins.Classification.Features;

/// <summary>
/// Turns a case's text into the model's sparse features. Three kinds, told apart by the key's prefix:
/// <c>c:</c> a cue term's count in the body, log-damped (a term said forty times is not forty times the evidence);
/// <c>t:</c> a cue term in the case name or title (1), where authors say what the case is;
/// <c>g:</c> character n-grams of the body, log-damped and scaled to unit length over all the body's n-grams, so long
/// and short reports weigh alike.
/// </summary>
/// <param name="cues">The cue terms, normalized.</param>
/// <param name="ngramSizes">The n-gram lengths (at most 3).</param>
/// <param name="knownNgrams">When given, only these n-grams become features (a model ignores the others anyway, and
/// building a key for each of a report's ten thousand n-grams is most of the cost); null keeps every n-gram (training).</param>
internal sealed class FeatureExtractor(IReadOnlyList<string> cues, IReadOnlyList<int> ngramSizes, IReadOnlySet<long>? knownNgrams)
{
    public const string CuePrefix = "c:";
    public const string TitlePrefix = "t:";
    public const string NgramPrefix = "g:";
    public const int MaxNgramSize = 3;

    public IReadOnlyList<string> Cues { get; } = cues;

    public IReadOnlyList<int> NgramSizes { get; } = ngramSizes;

    public Dictionary<string, double> Extract(CaseText text)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var cue in Cues)
        {
            var count = TextNormalizer.CountOccurrences(text.Body, cue);
            if (count > 0)
            {
                features[CuePrefix + cue] = Math.Log(1 + count);
            }

            if (text.Title.Contains(cue, StringComparison.Ordinal))
            {
                features[TitlePrefix + cue] = 1;
            }
        }

        if (knownNgrams is not { Count: 0 })
        {
            AddNgrams(text.Body.Length > 0 ? text.Body : text.Title, features);
        }

        return features;
    }

    /// <summary>An n-gram (n ≤ 3) packed into a number: its length and its UTF-16 units, 16 bits each.</summary>
    public static long Pack(ReadOnlySpan<char> ngram)
    {
        long packed = ngram.Length;
        foreach (var c in ngram)
        {
            packed = (packed << 16) | c;
        }

        return packed;
    }

    private void AddNgrams(string text, Dictionary<string, double> features)
    {
        var counts = new Dictionary<long, int>();
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && TextNormalizer.IsWordChar(text[i]))
            {
                continue;
            }

            foreach (var n in NgramSizes)
            {
                for (var start = runStart; start + n <= i; start++)
                {
                    var key = Pack(text.AsSpan(start, n));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            runStart = i + 1;
        }

        var norm = Math.Sqrt(counts.Values.Sum(c => Math.Pow(Math.Log(1 + c), 2)));
        foreach (var (key, count) in counts)
        {
            if (knownNgrams is null || knownNgrams.Contains(key))
            {
                features[NgramPrefix + Unpack(key)] = Math.Log(1 + count) / norm;
            }
        }
    }

    private static string Unpack(long packed)
    {
        var length = MaxNgramSize;
        while (length > 1 && packed >> (16 * length) != length)
        {
            length--;
        }

        Span<char> chars = stackalloc char[length];
        for (var k = 0; k < length; k++)
        {
            chars[k] = (char)((packed >> (16 * (length - 1 - k))) & 0xFFFF);
        }

        return new string(chars);
    }
}
