using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Support;
using CaseIngest.Plugins.Classification.Training;

namespace CaseIngest.Plugins.Classification.Tests.Evaluation;

/// <summary>What the step said of one package: its true type, the type answered (null when unsure), the top type and
/// its score, the abstain threshold of the model in force (read from the model file), and the type findings raised.</summary>
public sealed record StepOutcome(string Id, string TextId, string Label, string? Predicted, string TopType, double TopProbability,
    double Threshold, IReadOnlyList<string> TypeFindings, IReadOnlyList<string> ExpectedTypeFindings, string ModelVersion)
{
    public bool Right => Predicted == Label;

    /// <summary>Whether the package reads as its expected record says: its category, and type_mismatch / type_unsure
    /// exactly where expected (type_unsure is never expected: every sample has a category).</summary>
    public bool AsExpected => Right && TypeFindings.SequenceEqual(ExpectedTypeFindings);
}

/// <summary>
/// Runs the step over corpus packages with a given model in force, and leave-one-text-out cross-validation over both
/// corpora: for each of the 20 report texts, a model trained on the packages of the other 19 (calibrated and
/// thresholded by its own inner cross-validation, as <c>train</c> does) is written as the model file, and the step
/// classifies the held-out text's packages. Packages sharing a text are held out together.
/// </summary>
internal static class LeaveOneTextOut
{
    public static async Task<IReadOnlyList<StepOutcome>> TrainedAsync(IReadOnlyList<CorpusCase> cases, PriorModelFactory prior)
    {
        var results = new List<StepOutcome>();
        foreach (var text in cases.GroupBy(c => c.TextId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var training = cases.Where(c => c.TextId != text.Key).Select(Example).ToList();
            var model = new ModelTrainer(prior).Train(training, CancellationToken.None).Model;
            results.AddRange(await WithModelAsync(model, [.. text]));
        }

        return results;
    }

    /// <summary>The step over <paramref name="cases"/> with <paramref name="model"/> as the model file.</summary>
    public static async Task<IReadOnlyList<StepOutcome>> WithModelAsync(ClassificationModel model, IReadOnlyList<CorpusCase> cases)
    {
        using var classifier = new ClassifierFactory();
        await ModelFile.SaveAsync(model, classifier.Options.Value.ModelPath, CancellationToken.None);
        return await RunAsync(classifier, cases);
    }

    /// <summary>The step over <paramref name="cases"/> with whatever model <paramref name="classifier"/> has in force.</summary>
    public static async Task<IReadOnlyList<StepOutcome>> RunAsync(ClassifierFactory classifier, IReadOnlyList<CorpusCase> cases)
    {
        var model = await classifier.Store.GetAsync(CancellationToken.None);
        var results = new List<StepOutcome>();
        foreach (var c in cases.OrderBy(c => c.TextId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var record = await classifier.RunAsync(c.CopyRecord());
            var section = record.Classification!;
            var top = section.Scores.MaxBy(s => s.Value);
            results.Add(new StepOutcome(c.Id, c.TextId, c.Category, section.Predicted, top.Key, top.Value, model.Thresholds.Abstain,
                TypeFindings(record.Findings.Select(f => f.Code)), TypeFindings(c.ExpectedViolations), section.ModelVersion!));
        }

        return results;
    }

    public static TrainingExample Example(CorpusCase c) => new(c.Id, c.Category, CaseText.From(c.Record));

    /// <summary>One outcome per text: its first package (the others carry the same report under another name).</summary>
    public static IReadOnlyList<StepOutcome> PerText(IReadOnlyList<StepOutcome> packages) =>
        [.. packages.GroupBy(p => p.TextId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.MinBy(p => p.Id, StringComparer.Ordinal)!)];

    public static List<(string Label, string? Predicted, string TopType)> Answers(IEnumerable<StepOutcome> outcomes) =>
        [.. outcomes.Select(o => (o.Label, o.Predicted, o.TopType))];

    private static List<string> TypeFindings(IEnumerable<string> codes) =>
        [.. codes.Where(c => c is FindingCodes.TypeMismatch or FindingCodes.TypeUnsure).Order(StringComparer.Ordinal)];
}
