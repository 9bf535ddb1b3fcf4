using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Model;

/// <summary>
/// A multinomial logistic model: logit(type) = bias + Σ feature × weight, probabilities = softmax(logits / temperature).
/// The built-in prior and every trained model have this one shape; training only moves weights away from the prior's.
/// The model carries its own thresholds (a trained model's chosen by cross-validation), because how sure a model must be
/// depends on how it was calibrated.
/// </summary>
internal sealed class ClassificationModel
{
    public ClassificationModel(string version, IReadOnlyList<string> types, IReadOnlyList<int> ngramSizes,
        IReadOnlyDictionary<string, double[]> weights, IReadOnlyList<double> bias, double temperature, Thresholds thresholds, TrainingSummary? training)
    {
        if (bias.Count != types.Count || weights.Values.Any(w => w.Length != types.Count))
        {
            throw new InvalidDataException($"The model has {types.Count} types but weights or biases of another length.");
        }

        if (!(temperature > 0))
        {
            throw new InvalidDataException($"The model's temperature must be positive, not {temperature}.");
        }

        if (!(thresholds.Abstain is > 0 and < 1) || !(thresholds.Mismatch >= thresholds.Abstain && thresholds.Mismatch <= 1))
        {
            throw new InvalidDataException($"The model's thresholds must be 0 < abstain ({thresholds.Abstain}) ≤ mismatch ({thresholds.Mismatch}) ≤ 1.");
        }

        if (!(thresholds.FitsNone >= 0) || !types.Contains(CaseTypes.Other))
        {
            throw new InvalidDataException($"The model's fits-none threshold must be 0 or more ({thresholds.FitsNone}), and 其他 one of its types.");
        }

        Version = version;
        Thresholds = thresholds;
        Types = types;
        NgramSizes = ngramSizes;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
        Training = training;
        Cues = weights.Keys
            .Where(FeatureExtractor.IsCueKey)
            .Select(k => k[2..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        KnownNgrams = weights.Keys
            .Where(k => k.StartsWith(FeatureExtractor.NgramPrefix, StringComparison.Ordinal) && k.Length - 2 <= FeatureExtractor.MaxNgramSize)
            .Select(k => FeatureExtractor.Pack(k.AsSpan(2)))
            .ToHashSet();
    }

    /// <summary>Names the model in every record it classifies (<c>prior-…</c> or <c>trained-…</c>).</summary>
    public string Version { get; }

    public IReadOnlyList<string> Types { get; }

    public IReadOnlyList<int> NgramSizes { get; }

    public IReadOnlyDictionary<string, double[]> Weights { get; }

    public IReadOnlyList<double> Bias { get; }

    public double Temperature { get; }

    /// <summary>Below <see cref="Thresholds.Abstain"/> the model abstains; a ticked box is contradicted from <see cref="Thresholds.Mismatch"/>.</summary>
    public Thresholds Thresholds { get; }

    /// <summary>What the model was trained on; null for the built-in prior.</summary>
    public TrainingSummary? Training { get; }

    public IReadOnlyList<string> Cues { get; }

    /// <summary>The n-grams the model has weights for, packed (see <see cref="FeatureExtractor.Pack"/>).</summary>
    public IReadOnlySet<long> KnownNgrams { get; }

    /// <summary>An extractor of the features this model has weights for (the one to predict with).</summary>
    public FeatureExtractor CreateExtractor() => new(Cues, NgramSizes, KnownNgrams);

    /// <summary>An extractor of every feature, known or not (the one to train with).</summary>
    public FeatureExtractor CreateTrainingExtractor() => new(Cues, NgramSizes, knownNgrams: null);

    public double[] Logits(IReadOnlyDictionary<string, double> features)
    {
        var logits = Bias.ToArray();
        foreach (var (key, value) in features)
        {
            if (Weights.TryGetValue(key, out var weights))
            {
                for (var t = 0; t < logits.Length; t++)
                {
                    logits[t] += value * weights[t];
                }
            }
        }

        return logits;
    }

    public double[] Probabilities(IReadOnlyDictionary<string, double> features) => Softmax(Logits(features), Temperature);

    /// <summary>How strongly the case speaks for the best of the five directions: that type's evidence (its logit less
    /// its bias: what the text's features add), and the type. Under <see cref="Thresholds.FitsNone"/> the case fits none
    /// of the notice's 征集方向, which is what 其他 means.</summary>
    public (int Type, double Evidence) DirectionEvidence(IReadOnlyList<double> logits)
    {
        var best = (Type: -1, Evidence: double.NegativeInfinity);
        for (var t = 0; t < Types.Count; t++)
        {
            if (Types[t] != CaseTypes.Other && logits[t] - Bias[t] > best.Evidence)
            {
                best = (t, logits[t] - Bias[t]);
            }
        }

        return best;
    }

    public static double[] Softmax(IReadOnlyList<double> logits, double temperature)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp((l - max) / temperature)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}

/// <summary>How sure the model must be: to name a type at all (<paramref name="Abstain"/>), and to contradict the form's
/// single ticked box with <c>type_mismatch</c> (<paramref name="Mismatch"/>, never below the first); and the direction
/// evidence under which a readable report fits none of the five directions and is 其他 (<paramref name="FitsNone"/>;
/// 0, never, in a model file written before it existed).</summary>
internal sealed record Thresholds(double Abstain, double Mismatch, double FitsNone = 0);

/// <summary>What a trained model learned from (cases, of how many distinct report texts), and its top-1 accuracy on
/// held-out text groups (null with fewer than two groups).</summary>
internal sealed record TrainingSummary(int Cases, IReadOnlyDictionary<string, int> CasesPerType, int TextGroups, double? HeldOutAccuracy);
