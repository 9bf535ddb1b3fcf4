namespace CaseIngest.Abstractions.Records;

/// <summary>What the machine finds for the experts' evaluation (DESIGN.md, "Evaluation"): per 二级指标, whether the
/// report covers it and the passages that do. Written by the rubric coverage plugin; experts' scores live in
/// <c>review.evaluation</c>, never here.</summary>
public sealed class EvaluationSection
{
    /// <summary>The rubric the coverage was found against (e.g. <c>edition-8</c>).</summary>
    public string? Rubric { get; set; }

    /// <summary>The rubric's dimensions (id, name, weight), in its order: what the experts' score sheet is built from.</summary>
    public List<RubricDimensionInfo> Dimensions { get; set; } = [];

    /// <summary>Point id (S1 … P4) → its coverage.</summary>
    public Dictionary<string, PointCoverage> Coverage { get; set; } = [];
}

/// <summary>A dimension (一级指标) of the rubric the coverage was found against.</summary>
public sealed class RubricDimensionInfo
{
    /// <summary>Its id (S, T, O, H, P).</summary>
    public string Id { get; set; } = "";

    /// <summary>Its name (应用场景 …).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its weight in a case's total score.</summary>
    public double Weight { get; set; }
}

/// <summary>One 二级指标 of the rubric as the report covers it.</summary>
public sealed class PointCoverage
{
    /// <summary>The dimension's id (S, T, O, H, P).</summary>
    public string Dimension { get; set; } = "";

    /// <summary>The point's name as the rubric words it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether some passage covers the point.</summary>
    public bool Covered { get; set; }

    /// <summary>The best passage's score (sum of the weights of the signals it carries, less outside the dimension's section).</summary>
    public double Score { get; set; }

    /// <summary>The score a passage needs to cover the point.</summary>
    public double Threshold { get; set; }

    /// <summary>The passages, best first; also the nearest ones when the point is not covered.</summary>
    public List<CoverageEvidence> Evidence { get; set; } = [];

    /// <summary>For P1 (economic results): the before/after figures the report states.</summary>
    public List<BeforeAfterFigure>? Figures { get; set; }
}

/// <summary>A passage of the report that speaks to a point.</summary>
public sealed class CoverageEvidence
{
    /// <summary>The heading the paragraph stands under (the innermost of levels 1–2, e.g. （二）数智技术能力).</summary>
    public string? Section { get; set; }

    /// <summary>0-based paragraph: the line of <c>report.text</c>.</summary>
    public int Paragraph { get; set; }

    /// <summary>A short quote: the sentence that carries most of the signals.</summary>
    public string Quote { get; set; } = "";

    /// <summary>The passage's score.</summary>
    public double Score { get; set; }

    /// <summary>The words of the passage that signalled the point: why it was chosen.</summary>
    public List<string> Signals { get; set; } = [];
}

/// <summary>A figure the report states before and after the case (e.g. 日计划编制时间 4.5 小时 → 25 分钟).</summary>
public sealed class BeforeAfterFigure
{
    /// <summary>What is measured, as the report words it.</summary>
    public string Metric { get; set; } = "";

    /// <summary>The value before.</summary>
    public double Before { get; set; }

    /// <summary>The value after.</summary>
    public double After { get; set; }

    /// <summary>The unit of <see cref="After"/> (and of <see cref="Before"/> unless <see cref="BeforeUnit"/> says otherwise).</summary>
    public string? Unit { get; set; }

    /// <summary>The unit of <see cref="Before"/> when it differs (4.5 小时 → 25 分钟).</summary>
    public string? BeforeUnit { get; set; }

    /// <summary>0-based paragraph: the line of <c>report.text</c>.</summary>
    public int Paragraph { get; set; }

    /// <summary>The words the figure was read from.</summary>
    public string Quote { get; set; } = "";
}
