using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Web.Evaluation;

/// <summary>The <c>Evaluation</c> section: how compliant cases go to experts and how their scores are read.</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    /// <summary>How many experts score each case.</summary>
    [Range(1, 20)]
    public int ExpertsPerCase { get; set; } = 3;

    /// <summary>The highest score of a 二级指标 (scores run 0 to this).</summary>
    [Range(1, 100)]
    public int MaxScore { get; set; } = 5;

    /// <summary>Two experts' scores of one point differing by more than this flag the point for discussion.</summary>
    [Range(0, 100)]
    public double DisagreementGap { get; set; } = 2;
}
