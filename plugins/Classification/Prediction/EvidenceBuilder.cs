using System.Globalization;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Prediction;

/// <summary>
/// Why the model leans to a type: the features that pushed the top type's logit furthest above the other types' mean
/// (a term and how often it occurs, a term in the title, an n-gram a trained model learned), then the sentence whose
/// cue terms weigh most. Never empty: with nothing to show it says so, because a reviewer must see that.
/// </summary>
internal static class EvidenceBuilder
{
    private const int PassageLength = 60;

    public static IReadOnlyList<string> Build(ClassificationModel model, IReadOnlyDictionary<string, double> features, CaseText text, int type, int count)
    {
        var evidence = new List<string>();
        var shownTerms = new List<string>();
        var contributions = features
            .Select(f => (f.Key, Value: f.Value, Weight: model.Weights.TryGetValue(f.Key, out var w) ? Margin(w, type) : 0))
            .Where(f => f.Weight > 0)
            .OrderByDescending(f => f.Value * f.Weight)
            .ThenBy(f => f.Key, StringComparer.Ordinal);
        foreach (var (key, _, _) in contributions)
        {
            if (evidence.Count >= Math.Max(1, count - 1))
            {
                break;
            }

            var term = key[2..];
            if (shownTerms.Any(shown => shown.Contains(term, StringComparison.Ordinal) || term.Contains(shown, StringComparison.Ordinal)))
            {
                continue;
            }

            shownTerms.Add(term);
            evidence.Add(key[..2] switch
            {
                FeatureExtractor.CuePrefix => string.Create(CultureInfo.InvariantCulture, $"{term} ×{TextNormalizer.CountOccurrences(text.Body, term)}"),
                FeatureExtractor.TitlePrefix => $"名称含「{term}」",
                _ => $"「{term}」",
            });
        }

        if (BestPassage(model, features, text.Body, type) is { } passage)
        {
            evidence.Add(passage);
        }

        if (evidence.Count == 0)
        {
            evidence.Add(text.Body.Length == 0
                ? "报告正文缺失，案例名称中没有可区分类型的词语"
                : "正文中没有可区分类型的词语");
        }

        return evidence;
    }

    private static double Margin(double[] weights, int type)
    {
        var others = 0.0;
        for (var t = 0; t < weights.Length; t++)
        {
            others += t == type ? 0 : weights[t];
        }

        return weights[type] - (others / (weights.Length - 1));
    }

    private static string? BestPassage(ClassificationModel model, IReadOnlyDictionary<string, double> features, string body, int type)
    {
        // Only the cue terms the body has and that speak for the type can make a sentence weigh.
        var cues = features.Keys
            .Where(k => k.StartsWith(FeatureExtractor.CuePrefix, StringComparison.Ordinal))
            .Select(k => (Term: k[2..], Margin: Margin(model.Weights[k], type)))
            .Where(c => c.Margin > 0)
            .ToList();
        string? best = null;
        var bestScore = 0.0;
        foreach (var sentence in body.Split(['\n', '。', '；', '！', '？'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var score = 0.0;
            foreach (var (term, margin) in cues)
            {
                score += TextNormalizer.CountOccurrences(sentence, term) * margin;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = sentence;
            }
        }

        return best is null ? null : "「" + (best.Length > PassageLength ? best[..PassageLength] + "…" : best) + "」";
    }
}
