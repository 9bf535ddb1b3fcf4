namespace CaseIngest.Plugins.Classification;

/// <summary>Settings of the classifier, bound from <c>Plugins:Classification</c>.</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "Plugins:Classification";

    /// <summary>The model file <c>train</c> writes and the step loads; while it does not exist the built-in model is used.</summary>
    public string ModelPath { get; set; } = "data/models/classification.json";

    /// <summary>The model used while <see cref="ModelPath"/> does not exist: <c>trained</c> (shipped with the plugin,
    /// trained on the labelled sample reports) or <c>prior</c> (the notice's definitions alone, no training data).</summary>
    public BuiltInModel BuiltInModel { get; set; } = BuiltInModel.Trained;

    /// <summary>Normally unset: the model file carries its thresholds, chosen by cross-validation when it was trained.
    /// When set, the classifier abstains below this probability of the top type whatever the model says (and raises
    /// <c>type_mismatch</c> no lower than this).</summary>
    public double? Threshold { get; set; }

    /// <summary>How many evidence items the record keeps.</summary>
    public int EvidenceCount { get; set; } = 8;

    internal bool IsValid() => !string.IsNullOrWhiteSpace(ModelPath) && Threshold is null or (> 0 and < 1) && EvidenceCount is >= 1 and <= 50
        && Enum.IsDefined(BuiltInModel);
}

/// <summary>Which built-in model the step uses while no model file exists.</summary>
public enum BuiltInModel
{
    /// <summary>Trained on the labelled sample reports (tests/corpus and tests/corpus-extra), shipped in the plugin.</summary>
    Trained,

    /// <summary>The prior written from the notice's 征集方向, no training data.</summary>
    Prior,
}
