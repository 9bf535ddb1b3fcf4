using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Plugins.Classification.Model;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary><c>caseingest train &lt;records.jsonl|folder&gt;… [--labels file] [--out model.json]</c>: learns from the cases
/// whose type a reviewer confirmed, reports the held-out accuracy next to the prior's, and writes the model the step loads.</summary>
internal sealed class TrainCommand(ClassificationModelStore models, IOptions<ClassificationOptions> options) : IPluginCommand
{
    public const string Usage = "usage: caseingest train <records.jsonl|record.json|folder>… [--labels <submissionId,type file>] [--out <model.json>]";

    public string Name => "train";

    public string Description => "Train the case-type classifier on records with a confirmed type and write its model file";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        string? labels = null;
        var outPath = options.Value.ModelPath;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--labels" when i + 1 < args.Count:
                    labels = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    outPath = args[++i];
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        output.WriteLine($"train: unknown or incomplete option {args[i]}");
                        output.WriteLine(Usage);
                        return 2;
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            output.WriteLine(Usage);
            return 2;
        }

        var reader = new LabelledCaseReader();
        var examples = await reader.ReadAsync(paths, labels, cancellationToken);
        foreach (var problem in reader.Problems)
        {
            output.WriteLine("train: " + problem);
        }

        if (examples.Count == 0)
        {
            output.WriteLine($"train: {reader.RecordsRead} records read, none with a confirmed type (review.confirmedType or --labels); no model written");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var result = new ModelTrainer(models.Prior).Train(examples, cancellationToken);
        await ModelFile.SaveAsync(result.Model, outPath, cancellationToken);
        var culture = CultureInfo.InvariantCulture;
        var summary = result.Model.Training!;
        output.WriteLine(string.Create(culture, $"train: {examples.Count} confirmed cases in {summary.TextGroups} text groups ({string.Join("，", summary.CasesPerType.Select(c => $"{c.Key} {c.Value}"))}); trained in {clock.ElapsedMilliseconds} ms"));
        if (result.HeldOut.Count > 0)
        {
            EvaluationReport.Write(output, "prior model (no training) on these cases",
                [.. result.HeldOut.Select(h => (h.Label, h.PriorTopType, h.PriorTopProbability))], models.Prior.Create().Thresholds.Abstain);
            EvaluationReport.Write(output, "trained, leave-one-text-group-out (the threshold was chosen on these same predictions)",
                [.. result.HeldOut.Select(h => (h.Label, h.TopType, h.TopProbability))], result.Model.Thresholds.Abstain);
        }
        else
        {
            output.WriteLine("train: a single text group; no held-out accuracy (and no calibration) until cases of a second report text are confirmed");
        }

        output.WriteLine(string.Create(culture, $"train: wrote model {result.Model.Version} (temperature {result.Model.Temperature:0.###}, abstain below {result.Model.Thresholds.Abstain:0.###}, type_mismatch from {result.Model.Thresholds.Mismatch:0.###}, {result.Model.Weights.Count} weights) to {Path.GetFullPath(outPath)}"));
        return 0;
    }
}
