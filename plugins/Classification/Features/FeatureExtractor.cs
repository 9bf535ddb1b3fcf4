namespace CaseIngest.Plugins.Classification.Features;

/// <summary>
/// Turns a case's text into the model's sparse features, told apart by the key's prefix:
/// <c>c:</c> a cue term's count in the body, log-damped (a term said forty times is not forty times the evidence);
/// <c>t:</c> a cue term in the case name or title (1), where authors say what the case is;
/// <c>a:</c> a cue term in the applicant's description (企业概况), log-damped: who the applicant is (a provider, a
/// maker, an operator of networks or computing, an enterprise in its own trade) carries over between writers better
/// than the words of the body, whose template asks every report for 基础设施, 数据治理 and 管理变革;
/// <c>f:</c> a cue term in the framing (the opening of 案例内容), log-damped: what was built and for whom;
/// <c>g:</c> character n-grams of the names, the applicant's description and the framing (not of the whole body: a
/// body's n-grams are its topic, which does not carry over), log-damped and scaled to unit length.
/// </summary>
/// <param name="cues">The cue terms, normalized.</param>
/// <param name="ngramSizes">The n-gram lengths (at most 3).</param>
/// <param name="knownNgrams">When given, only these n-grams become features (a model ignores the others anyway, and
/// building a key for each of a report's ten thousand n-grams is most of the cost); null keeps every n-gram (training).</param>
internal sealed class FeatureExtractor(IReadOnlyList<string> cues, IReadOnlyList<int> ngramSizes, IReadOnlySet<long>? knownNgrams)
{
    public const string CuePrefix = "c:";
    public const string TitlePrefix = "t:";
    public const string ApplicantPrefix = "a:";
    public const string FramingPrefix = "f:";
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

            AddCount(features, ApplicantPrefix + cue, TextNormalizer.CountOccurrences(text.Applicant, cue));
            AddCount(features, FramingPrefix + cue, TextNormalizer.CountOccurrences(text.Framing, cue));
        }

        if (knownNgrams is not { Count: 0 })
        {
            AddNgrams(string.Join('\n', text.Title, text.Applicant, text.Framing), features);
        }

        return features;
    }

    /// <summary>Whether a feature key is a cue term's (any region), not an n-gram.</summary>
    public static bool IsCueKey(string key) => !key.StartsWith(NgramPrefix, StringComparison.Ordinal);

    private static void AddCount(Dictionary<string, double> features, string key, int count)
    {
        if (count > 0)
        {
            features[key] = Math.Log(1 + count);
        }
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

        if (counts.Count == 0)
        {
            return;
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
