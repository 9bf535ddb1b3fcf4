using CaseIngest.Abstractions.Records;

namespace CaseIngest.Abstractions.Editions;

/// <summary>
/// A rule over a whole edition (DESIGN.md, "Edition rules"): it sees the edition's records, never files, and says which
/// findings each record should carry. Register one from a plugin's <see cref="Plugins.IPluginRegistrar"/>
/// (<c>services.AddSingleton&lt;IEditionRule, MyRule&gt;()</c>), so a later edition adds a rule without touching the host.
/// </summary>
/// <remarks>
/// The host's edition stage runs every rule whenever a package of the edition is added or changes, and replaces the
/// findings the stage wrote before with what the rules return now: a rule MUST be deterministic (the same records give
/// the same findings, in any order of arrival) and MUST NOT change the records it is handed.
/// </remarks>
public interface IEditionRule
{
    /// <summary>The finding codes this rule may write; the stage removes them where they no longer hold.</summary>
    IReadOnlyCollection<string> Codes { get; }

    /// <summary>True when the rule also looks at (and writes onto) records of other editions, as a duplicate across
    /// editions does; such a rule sees <see cref="EditionRuleContext.AllRecords"/>.</summary>
    bool AcrossEditions => false;

    /// <summary>Which of the edition's other records a record's findings depend on. The stage reads only the records a
    /// change can move when every rule's reach allows it (one package added: its recommender's records, not the edition);
    /// a rule that says nothing is taken to read the whole edition, so it is always given every record.</summary>
    EditionRuleReach Reach => EditionRuleReach.Edition;

    /// <summary>The findings that hold now, each for the record it concerns.</summary>
    IEnumerable<EditionFinding> Evaluate(EditionRuleContext context);
}

/// <summary>How far a rule looks for the findings of one record (<see cref="IEditionRule.Reach"/>).</summary>
public enum EditionRuleReach
{
    /// <summary>The record alone (a deadline, a name in the registry).</summary>
    Record,
    /// <summary>The record and the edition's other records of the same recommending unit (a quota). Records of other
    /// editions that an <see cref="IEditionRule.AcrossEditions"/> rule reads come through its codes, as always.</summary>
    RecommendingUnit,
    /// <summary>Any record of the edition: the stage reads the whole edition whenever this rule is registered.</summary>
    Edition,
}

/// <summary>A finding for one record. The stage stamps <c>plugin</c>, <c>ruleSet</c> and the severity overrides.</summary>
/// <param name="SubmissionId">The record it concerns.</param>
/// <param name="Finding">The finding (code, severity, message, evidence).</param>
public sealed record EditionFinding(string SubmissionId, Finding Finding);

/// <summary>How the findings the edition stage writes are known: their <see cref="Finding.Plugin"/>. The stage writes them
/// after a package is saved (they depend on the other records), so whoever keeps records treats them as the stage's to
/// confirm or remove — a person's decision on one is not dropped because the pipeline's new record lacks it.</summary>
public static class EditionFindings
{
    /// <summary>The <c>plugin</c> of every finding the edition stage writes.</summary>
    public const string Plugin = "EditionCheck";
}
