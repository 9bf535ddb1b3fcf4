namespace CaseIngest.Plugins.Classification;

/// <summary>Settings of the classifier, bound from <c>Plugins:Classification</c>.</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "Plugins:Classification";

    /// <summary>The model file <c>train</c> writes and the step loads; while it does not exist the built-in prior is used.</summary>
    public string ModelPath { get; set; } = "data/models/classification.json";

    /// <summary>Below this probability of the top type the classifier abstains (predicted = null, <c>type_unsure</c>).</summary>
    public double Threshold { get; set; } = 0.7;

    /// <summary>How many evidence items the record keeps.</summary>
    public int EvidenceCount { get; set; } = 8;

    internal bool IsValid() => !string.IsNullOrWhiteSpace(ModelPath) && Threshold is > 0 and < 1 && EvidenceCount is >= 1 and <= 50;
}
