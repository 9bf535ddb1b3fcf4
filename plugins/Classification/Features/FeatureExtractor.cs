namespace CaseIngest.Plugins.Classification.Features;

/// <summary>
/// Turns a case's text into the model's sparse features. Three kinds, told apart by the key's prefix:
/// <c>c:</c> a cue term's count in the body, log-damped (a term said forty times is not forty times the evidence);
/// <c>t:</c> a cue term in the case name or title (1), where authors say what the case is;
/// <c>g:</c> character n-grams of the body, log-damped and scaled to unit length so long and short reports weigh alike.
/// </summary>
internal sealed class FeatureExtractor(IReadOnlyList<string> cues, IReadOnlyList<int> ngramSizes)
{
    public const string CuePrefix = "c:";
    public const string TitlePrefix = "t:";
    public const string NgramPrefix = "g:";

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

        AddNgrams(text.Body.Length > 0 ? text.Body : text.Title, features);
        return features;
    }

    private void AddNgrams(string text, Dictionary<string, double> features)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
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
                    var key = string.Concat(NgramPrefix, text.AsSpan(start, n));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            runStart = i + 1;
        }

        var norm = Math.Sqrt(counts.Values.Sum(c => Math.Pow(Math.Log(1 + c), 2)));
        foreach (var (key, count) in counts)
        {
            features[key] = Math.Log(1 + count) / norm;
        }
    }
}
