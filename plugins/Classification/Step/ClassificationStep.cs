using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Prediction;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.Classification.Step;

/// <summary>Predicts the case type from the form's case name and the report, writes <c>record.classification</c>, and
/// raises <c>type_unsure</c> when it abstains and <c>type_mismatch</c> when a single ticked box confidently disagrees.</summary>
internal sealed class ClassificationStep(ClassificationModelStore models, IOptions<ClassificationOptions> options) : ISubmissionStep
{
    // Without a report (missing, unreadable, or its plugin failed) the case name alone still says something.
    public bool CanRun(SubmissionContext context) => !CaseText.From(context.Record).IsEmpty;

    public async Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(cancellationToken);
        var settings = options.Value;
        var record = context.Record;
        // The model's own thresholds (chosen by cross-validation when it was trained) unless configuration overrides them.
        var abstain = settings.Threshold ?? model.Thresholds.Abstain;
        var mismatch = Math.Max(model.Thresholds.Mismatch, abstain);
        var prediction = CaseClassifier.Classify(model, CaseText.From(record), abstain, settings.EvidenceCount);
        record.Classification = new ClassificationSection
        {
            Predicted = prediction.Predicted,
            Scores = prediction.Scores.ToDictionary(),
            Evidence = [.. prediction.Evidence],
            ModelVersion = model.Version,
        };

        var evidence = string.Join("；", prediction.Evidence.Take(5));
        if (prediction.Predicted is null)
        {
            AddFinding(context, FindingCodes.TypeUnsure,
                string.Create(CultureInfo.InvariantCulture,
                    $"案例类型无法确定：最可能为「{prediction.TopType}」（{prediction.TopProbability:0.00}），其次「{prediction.RunnerUpType}」（{prediction.RunnerUpProbability:0.00}），低于置信阈值 {abstain:0.00}"),
                evidence, prediction.TopProbability, abstain, section: null, file: context.FirstOf(FileRole.Report)?.Name);
            return;
        }

        // Only a single tick can be contradicted, and only by a prediction sure enough to contradict an applicant; none
        // or several ticks are the form's own findings. 其他 for fitting none of the directions rests on weak evidence
        // by definition: it is shown, but never contradicts a tick.
        var declared = record.Form?.DeclaredTypes.Select(CaseTypes.Normalize).Where(t => t is not null).Distinct().ToList() ?? [];
        if (!prediction.FitsNone && declared.Count == 1 && declared[0] != prediction.Predicted && prediction.TopProbability >= mismatch)
        {
            AddFinding(context, FindingCodes.TypeMismatch,
                string.Create(CultureInfo.InvariantCulture,
                    $"申报表勾选「{declared[0]}」，但案例内容判定为「{prediction.Predicted}」（置信度 {prediction.TopProbability:0.00}）"),
                evidence, prediction.TopProbability, mismatch, section: "案例类型", file: context.FirstOf(FileRole.Form)?.Name);
        }
    }

    private static void AddFinding(SubmissionContext context, string code, string message, string evidence,
        double measured, double limit, string? section, string? file)
    {
        context.AddFinding(code, message, evidence,
            new FindingLocation { File = file, Section = section }, Math.Round(measured, 4), limit);
    }
}
