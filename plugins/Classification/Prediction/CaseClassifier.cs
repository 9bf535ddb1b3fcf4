using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;

namespace CaseIngest.Plugins.Classification.Prediction;

/// <summary>Classifies one case's text with a model: scores per type, the type or an abstention, and the evidence.
/// A readable report (one with headings, so its 企业概况 and framing were found) whose best direction's evidence is under
/// the model's <see cref="Thresholds.FitsNone"/> fits none of the notice's five directions: that is 其他, an answer,
/// not an abstention. A text without headings says too little to tell "fits none" from "unreadable": it may abstain.</summary>
internal static class CaseClassifier
{
    public static TypePrediction Classify(ClassificationModel model, CaseText text, double threshold, int evidenceCount)
    {
        var features = model.CreateExtractor().Extract(text);
        var logits = model.Logits(features);
        var probabilities = ClassificationModel.Softmax(logits, model.Temperature);
        var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(t => probabilities[t]).ThenBy(t => t).ToList();
        var top = ranked[0];
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < model.Types.Count; t++)
        {
            scores[model.Types[t]] = Math.Round(probabilities[t], 4);
        }

        var direction = model.DirectionEvidence(logits);
        if (text.Applicant.Length > 0 && direction.Evidence < model.Thresholds.FitsNone)
        {
            return new TypePrediction(
                Predicted: CaseTypes.Other,
                TopType: model.Types[top],
                TopProbability: probabilities[top],
                RunnerUpType: model.Types[ranked[1]],
                RunnerUpProbability: probabilities[ranked[1]],
                Scores: scores,
                Evidence: [FitsNoneEvidence(model, direction), .. EvidenceBuilder.Build(model, features, text, direction.Type, evidenceCount - 1)],
                FitsNone: true);
        }

        return new TypePrediction(
            Predicted: probabilities[top] >= threshold ? model.Types[top] : null,
            TopType: model.Types[top],
            TopProbability: probabilities[top],
            RunnerUpType: model.Types[ranked[1]],
            RunnerUpProbability: probabilities[ranked[1]],
            Scores: scores,
            Evidence: EvidenceBuilder.Build(model, features, text, top, evidenceCount),
            FitsNone: false);
    }

    private static string FitsNoneEvidence(ClassificationModel model, (int Type, double Evidence) direction) =>
        string.Create(CultureInfo.InvariantCulture,
            $"五个征集方向均不符合：证据最强的「{model.Types[direction.Type]}」仅 {direction.Evidence:0.00}，低于模型的「其他」界限 {model.Thresholds.FitsNone:0.00}");
}

/// <summary>The outcome for one case. <see cref="Predicted"/> is null when the top probability is under the threshold;
/// 其他 with <see cref="FitsNone"/> when the report fits none of the five directions (the evidence then says so first).</summary>
internal sealed record TypePrediction(
    string? Predicted,
    string TopType,
    double TopProbability,
    string RunnerUpType,
    double RunnerUpProbability,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<string> Evidence,
    bool FitsNone);
