using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Training;

/// <summary>A labelled case. Cases of one <see cref="Group"/> share a report text (a resubmission, or one case sent by two
/// recommenders) and are always held out together, so the held-out accuracy is never measured on a text trained on.</summary>
internal sealed record TrainingExample(string Id, string Label, CaseText Text, string Group);

/// <summary>The held-out prediction for one case during cross-validation.</summary>
internal sealed record HeldOutPrediction(string Id, string Label, string TopType, double TopProbability, string PriorTopType, double PriorTopProbability);
