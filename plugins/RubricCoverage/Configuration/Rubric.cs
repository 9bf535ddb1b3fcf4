namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>An edition's rubric as configuration: its dimensions, their points and what signals each point.
/// The standard's own wording can replace ours without a rebuild (<c>Plugins:RubricCoverage:Rubrics:&lt;edition&gt;</c>).</summary>
public sealed class Rubric
{
    /// <summary>The rule set it belongs to (<c>edition-8</c>).</summary>
    public string Edition { get; set; } = "";

    /// <summary>Where the wording comes from.</summary>
    public string? Source { get; set; }

    /// <summary>The score a passage needs when a point names no threshold of its own.</summary>
    public double Threshold { get; set; } = 2;

    /// <summary>How many distinct signals a passage must carry to speak to a point at all (a point is a compound idea:
    /// one word of it, such as 场景 or 例如, says little); a point may set its own.</summary>
    public int MinSignals { get; set; } = 2;

    /// <summary>A passage outside the point's dimension section counts this fraction of its score (a point may be
    /// covered anywhere, but the report's own section for it is the likelier place).</summary>
    public double OutsideSectionFactor { get; set; } = 0.6;

    /// <summary>A sub-heading names a point when at least this share of its character pairs are in the point's name
    /// (writers often give a point its own sub-heading in the rubric's words: 岗位职责与能力模型调整).</summary>
    public double HeadingNamesPoint { get; set; } = 0.4;

    /// <summary>…and by at least this much more than it shares with the point being scored (a heading that names two
    /// points about equally names neither against the other).</summary>
    public double HeadingNamesPointMargin { get; set; } = 0.2;

    /// <summary>A passage under a sub-heading that names another point counts this fraction of its score for this one:
    /// it is about that point (a leader-chaired committee under 数据治理与业务流程再造 is data governance, not strategy).</summary>
    public double OtherPointHeadingFactor { get; set; } = 0.5;

    /// <summary>The point whose before/after figures are read (经济效益, 实施前后对比).</summary>
    public string? FiguresPoint { get; set; } = "P1";

    /// <summary>The five dimensions, in the order experts see them.</summary>
    public List<RubricDimension> Dimensions { get; set; } = [];
}

/// <summary>A dimension (一级指标) of the rubric.</summary>
public sealed class RubricDimension
{
    /// <summary>A short id (S, T, O, H, P).</summary>
    public string Id { get; set; } = "";

    /// <summary>Its name (应用场景 …).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its weight in a case's total score.</summary>
    public double Weight { get; set; }

    /// <summary>Words of the report's heading for this dimension (a level-1 or level-2 heading containing one of them).</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>Its points (二级指标).</summary>
    public List<RubricPoint> Points { get; set; } = [];
}

/// <summary>A point (二级指标).</summary>
public sealed class RubricPoint
{
    /// <summary>Its id (S1 …).</summary>
    public string Id { get; set; } = "";

    /// <summary>Its name as experts read it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The score a passage needs; null: the rubric's <see cref="Rubric.Threshold"/>.</summary>
    public double? Threshold { get; set; }

    /// <summary>Distinct signals a passage needs; null: the rubric's <see cref="Rubric.MinSignals"/>.</summary>
    public int? MinSignals { get; set; }

    /// <summary>What signals the point: each a pattern (a .NET regular expression over the passage) and its weight.</summary>
    public List<RubricSignal> Signals { get; set; } = [];
}

/// <summary>One signal of a point: a passage matching <see cref="Pattern"/> gains <see cref="Weight"/> (once per passage).</summary>
public sealed class RubricSignal
{
    /// <summary>A regular expression (alternatives of the rubric's words and phrases).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>What a match adds to the passage's score.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>When some of a point's signals are required, a passage carrying none of them does not speak to the point
    /// (H2 is about how people talk to the system: a passage on 界面 or 体验 alone is not).</summary>
    public bool Required { get; set; }
}
