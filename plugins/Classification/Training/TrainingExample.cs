using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>A labelled case: its submission id, its confirmed type and what the classifier reads of it.</summary>
internal sealed record TrainingExample(string Id, string Label, CaseText Text);

/// <summary>The held-out prediction for one case during cross-validation.</summary>
internal sealed record HeldOutPrediction(string Id, string Label, string TopType, double TopProbability, string PriorTopType, double PriorTopProbability);
