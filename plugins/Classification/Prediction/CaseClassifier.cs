using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Prediction;

/// <summary>Classifies one case's text with a model: scores per type, the type or an abstention, and the evidence.</summary>
internal static class CaseClassifier
{
    public static TypePrediction Classify(ClassificationModel model, CaseText text, double threshold, int evidenceCount)
    {
        var features = model.CreateExtractor().Extract(text);
        var probabilities = model.Probabilities(features);
        var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(t => probabilities[t]).ThenBy(t => t).ToList();
        var top = ranked[0];
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < model.Types.Count; t++)
        {
            scores[model.Types[t]] = Math.Round(probabilities[t], 4);
        }

        return new TypePrediction(
            Predicted: probabilities[top] >= threshold ? model.Types[top] : null,
            TopType: model.Types[top],
            TopProbability: probabilities[top],
            RunnerUpType: model.Types[ranked[1]],
            RunnerUpProbability: probabilities[ranked[1]],
            Scores: scores,
            Evidence: EvidenceBuilder.Build(model, features, text, top, evidenceCount));
    }
}

/// <summary>The outcome for one case. <see cref="Predicted"/> is null when the top probability is under the threshold.</summary>
internal sealed record TypePrediction(
    string? Predicted,
    string TopType,
    double TopProbability,
    string RunnerUpType,
    double RunnerUpProbability,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<string> Evidence);
