using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>
/// Learns from confirmed cases by maximum a-posteriori logistic regression: the weights start at the prior's and are
/// pulled back towards it (L2 on the difference), so a few cases nudge the model and many cases reshape it. Cue terms
/// move almost freely (the notice's terms are where the knowledge is; the data says how much a term is worth in the
/// body, the title, the 企业概况 or the framing), n-grams are held ten times closer to zero, because an n-gram seen in
/// two reports is mostly topic. Biases are not learned: which types were confirmed first says nothing about what the next
/// case is, and learning it would drift the model towards the most common type. Types with no labelled case keep
/// their prior weights. Full-batch gradient descent (AdaGrad) in a fixed order, so the same cases give the same model.
/// Only n-grams found in at least two training texts are features: one seen in a single report is that report's topic,
/// cannot generalise, and would make training slow and the file large.
/// Thresholds: chosen on the same held-out predictions (<see cref="ThresholdChooser"/>) and written into the model.
/// Calibration: the temperature that minimises the log-loss of the cross-validated (held-out) predictions, never below 1:
/// a dozen held-out cases that all came out right cannot tell 0.9 from 0.999, and sharpening on them made a held-out
/// corpus case confidently wrong (D01 at T=0.25), so calibration may soften the model, never sharpen it.
/// </summary>
internal sealed class ModelTrainer(PriorModelFactory priorFactory)
{
    private const double CueRegularization = 0.005;
    private const double NgramRegularization = 0.05;
    private const double LearningRate = 0.2;
    private const int Iterations = 400;
    private const double KeptWeight = 1e-3;

    public TrainingResult Train(IReadOnlyList<TrainingExample> labelled, CancellationToken cancellationToken)
    {
        var prior = priorFactory.Create();
        var extractor = prior.CreateTrainingExtractor();
        var examples = labelled.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var exampleGroups = TextGroups.Assign([.. examples.Select(e => (e.Id, e.Text))]);
        var vectors = examples.Select(e => extractor.Extract(e.Text)).ToList();
        var labels = examples.Select(e => TypeIndex(prior, e.Label)).ToList();

        // The notice's definitions stay in every training set as cases of their type.
        var definitions = priorFactory.Definitions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var pseudoVectors = definitions.Select(d => extractor.Extract(CaseText.Of(d.Value, d.Value))).ToList();
        var pseudoLabels = definitions.Select(d => TypeIndex(prior, d.Key)).ToList();

        var groups = exampleGroups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var heldOutLogits = new List<(int Index, double[] Logits)>();
        if (groups.Count >= 2)
        {
            foreach (var group in groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var train = Enumerable.Range(0, examples.Count).Where(i => exampleGroups[i] != group).ToList();
                var fold = Fit(prior, [.. train.Select(i => vectors[i]), .. pseudoVectors], [.. train.Select(i => labels[i]), .. pseudoLabels],
                    [.. train.Select(i => exampleGroups[i]), .. definitions.Select(d => d.Key)], temperature: 1, prior.Thresholds, version: "fold");
                heldOutLogits.AddRange(Enumerable.Range(0, examples.Count).Where(i => exampleGroups[i] == group).Select(i => (i, fold.Logits(vectors[i]))));
            }
        }

        var temperature = heldOutLogits.Count > 0 ? FitTemperature(heldOutLogits.Select(h => (h.Logits, labels[h.Index])).ToList()) : 1;
        var thresholds = heldOutLogits.Count > 0
            ? ThresholdChooser.Choose([.. heldOutLogits.Select(h => ClassificationModel.Softmax(h.Logits, temperature)).Zip(heldOutLogits, (p, h) => (p[ArgMax(p)], ArgMax(p) == labels[h.Index]))]) with
            {
                // Only readable reports can be 其他 by fitting none (CaseClassifier), so only they say where that starts.
                FitsNone = ThresholdChooser.ChooseFitsNone(
                    [.. heldOutLogits.Where(h => examples[h.Index].Text.Applicant.Length > 0)
                        .Select(h => (prior.DirectionEvidence(h.Logits).Evidence, examples[h.Index].Label == CaseTypes.Other))],
                    prior.Thresholds.FitsNone),
            }
            : prior.Thresholds;
        var heldOut = heldOutLogits.OrderBy(h => h.Index).Select(h =>
        {
            var p = ClassificationModel.Softmax(h.Logits, temperature);
            var q = prior.Probabilities(vectors[h.Index]);
            var top = ArgMax(p);
            var priorTop = ArgMax(q);
            return new HeldOutPrediction(examples[h.Index].Id, examples[h.Index].Label, prior.Types[top], p[top], prior.Types[priorTop], q[priorTop]);
        }).ToList();

        cancellationToken.ThrowIfCancellationRequested();
        var summary = new TrainingSummary(
            examples.Count,
            examples.GroupBy(e => e.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            groups.Count,
            heldOut.Count > 0 ? Math.Round(heldOut.Count(h => h.TopType == h.Label) / (double)heldOut.Count, 4) : null);
        var model = Fit(prior, [.. vectors, .. pseudoVectors], [.. labels, .. pseudoLabels],
            [.. exampleGroups, .. definitions.Select(d => d.Key)], temperature, thresholds, version: "", summary);
        var versioned = new ClassificationModel(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"trained-{examples.Count}-{ModelFile.ContentHash(model)}"),
            model.Types, model.NgramSizes, model.Weights, model.Bias, model.Temperature, model.Thresholds, model.Training);
        return new TrainingResult(versioned, heldOut);
    }

    private static ClassificationModel Fit(ClassificationModel prior, IReadOnlyList<Dictionary<string, double>> allVectors, IReadOnlyList<int> labels,
        IReadOnlyList<string> groups, double temperature, Thresholds thresholds, string version, TrainingSummary? summary = null)
    {
        var typeCount = prior.Types.Count;
        var shared = SharedNgrams(allVectors, groups);
        var keys = prior.Weights.Keys.Concat(shared).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            index[keys[i]] = i;
        }

        var start = new double[keys.Count * typeCount];
        foreach (var (key, priorWeights) in prior.Weights)
        {
            priorWeights.CopyTo(start, index[key] * typeCount);
        }

        var penalty = keys.Select(k => FeatureExtractor.IsCueKey(k) ? CueRegularization : NgramRegularization).ToArray();
        var trainable = Enumerable.Range(0, typeCount).Select(t => labels.Contains(t)).ToArray();
        var sparse = allVectors
            .Select(v => v.Where(f => index.ContainsKey(f.Key)).Select(f => (Index: index[f.Key], f.Value)).OrderBy(f => f.Index).ToArray())
            .ToList();

        // Weights of features no training case has get no gradient and stay at the prior's.
        var active = sparse.SelectMany(v => v.Select(f => f.Index)).Distinct().Order().ToArray();
        var delta = new double[start.Length];
        var gradient = new double[start.Length];
        var squares = new double[start.Length];
        var logits = new double[typeCount];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            foreach (var f in active)
            {
                Array.Clear(gradient, f * typeCount, typeCount);
            }

            for (var e = 0; e < sparse.Count; e++)
            {
                for (var t = 0; t < typeCount; t++)
                {
                    logits[t] = prior.Bias[t];
                }

                foreach (var (f, x) in sparse[e])
                {
                    var row = f * typeCount;
                    for (var t = 0; t < typeCount; t++)
                    {
                        logits[t] += x * (start[row + t] + delta[row + t]);
                    }
                }

                var p = ClassificationModel.Softmax(logits, 1);
                p[labels[e]] -= 1;
                foreach (var (f, x) in sparse[e])
                {
                    var row = f * typeCount;
                    for (var t = 0; t < typeCount; t++)
                    {
                        gradient[row + t] += x * p[t] / sparse.Count;
                    }
                }
            }

            // AdaGrad: one step size per weight. Cue counts reach log(40) while n-gram values are hundredths, so a
            // single step size would either crawl on the n-grams or overshoot on the cues.
            foreach (var f in active)
            {
                for (var t = 0; t < typeCount; t++)
                {
                    var i = (f * typeCount) + t;
                    if (trainable[t])
                    {
                        var g = gradient[i] + (penalty[f] * delta[i]);
                        squares[i] += g * g;
                        delta[i] -= LearningRate * g / (Math.Sqrt(squares[i]) + 1e-8);
                    }
                }
            }
        }

        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < keys.Count; f++)
        {
            var row = new double[typeCount];
            for (var t = 0; t < typeCount; t++)
            {
                row[t] = start[(f * typeCount) + t] + delta[(f * typeCount) + t];
            }

            // N-grams that learned next to nothing are dropped: they would only make the file large.
            if (prior.Weights.ContainsKey(keys[f]) || row.Any(w => Math.Abs(w) >= KeptWeight))
            {
                weights[keys[f]] = row;
            }
        }

        return new ClassificationModel(version, prior.Types, prior.NgramSizes, weights, prior.Bias, temperature, thresholds, summary);
    }

    /// <summary>The n-grams found in at least two of the training texts' groups.</summary>
    private static HashSet<string> SharedNgrams(IReadOnlyList<Dictionary<string, double>> vectors, IReadOnlyList<string> groups)
    {
        var perGroup = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < vectors.Count; i++)
        {
            if (!perGroup.TryGetValue(groups[i], out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                perGroup[groups[i]] = set;
            }

            set.UnionWith(vectors[i].Keys.Where(k => k.StartsWith(FeatureExtractor.NgramPrefix, StringComparison.Ordinal)));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in perGroup.Values.SelectMany(s => s))
        {
            seen[key] = seen.GetValueOrDefault(key) + 1;
        }

        return seen.Where(s => s.Value >= 2).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static double FitTemperature(IReadOnlyList<(double[] Logits, int Label)> heldOut)
    {
        var best = 1.0;
        var bestLoss = double.MaxValue;
        for (var step = 0; step <= 24; step++)
        {
            var temperature = Math.Pow(2, step / 8.0);
            var loss = heldOut.Sum(h => -Math.Log(Math.Max(ClassificationModel.Softmax(h.Logits, temperature)[h.Label], 1e-12)));
            if (loss < bestLoss - 1e-9)
            {
                bestLoss = loss;
                best = temperature;
            }
        }

        return best;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }

    private static int TypeIndex(ClassificationModel prior, string label)
    {
        var normalized = CaseTypes.Normalize(label) ?? throw new ArgumentException($"{label} is not a case type.", nameof(label));
        for (var t = 0; t < prior.Types.Count; t++)
        {
            if (prior.Types[t] == normalized)
            {
                return t;
            }
        }

        throw new ArgumentException($"{label} is not a type of the model.", nameof(label));
    }
}

/// <summary>A trained model and the held-out predictions its calibration and accuracy come from.</summary>
internal sealed record TrainingResult(ClassificationModel Model, IReadOnlyList<HeldOutPrediction> HeldOut);
