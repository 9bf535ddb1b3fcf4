using CaseIngest.Abstractions.Records;

namespace CaseIngest.Abstractions.Editions;

/// <summary>What an <see cref="IEditionRule"/> sees: the edition's facts and its records (read-only by contract).</summary>
public sealed class EditionRuleContext
{
    /// <summary>The edition number (8 for the 2026 call).</summary>
    public required int Edition { get; init; }

    /// <summary>The instant the call closed; a submission after it is late.</summary>
    public required DateTimeOffset ClosingTime { get; init; }

    /// <summary>The edition's records that stand (withdrawn ones left out), each with its recommending unit resolved,
    /// in a fixed order: <c>submittedAt</c> (unknown last), then <c>submissionId</c>.</summary>
    public required IReadOnlyList<EditionCase> Cases { get; init; }

    /// <summary>Every record of every edition (withdrawn ones left out), for rules that look across editions.</summary>
    public required IReadOnlyList<CaseRecord> AllRecords { get; init; }
}

/// <summary>One record of the edition with what the registry says of its recommender.</summary>
/// <param name="Record">The record as the pipeline left it (the stage's own earlier findings taken out).</param>
/// <param name="Unit">The registry entry the recommender's name matched, or null.</param>
/// <param name="DirectSubmission">A 智工委 member unit submits its own case (no recommender block required).</param>
/// <param name="Quota">How many submissions the unit may make in the edition (null when the unit is unknown).</param>
public sealed record EditionCase(CaseRecord Record, RecommendingUnitInfo? Unit, bool DirectSubmission, int? Quota);

/// <summary>A registry entry as rules see it.</summary>
/// <param name="Name">The unit's canonical name (what <c>recommenderNormalized</c> holds).</param>
/// <param name="Kinds">Its kinds (<see cref="RecommenderKinds"/>).</param>
public sealed record RecommendingUnitInfo(string Name, IReadOnlyList<string> Kinds);

/// <summary>The kinds of recommending units DESIGN.md names.</summary>
public static class RecommenderKinds
{
    /// <summary>省/自治区/直辖市/计划单列市企业联合会·企业家协会.</summary>
    public const string Confederation = "企业联合会";
    /// <summary>全国性行业协会.</summary>
    public const string NationalAssociation = "全国性行业协会";
    /// <summary>中央企业.</summary>
    public const string CentralSoe = "中央企业";
    /// <summary>中国500强.</summary>
    public const string Top500 = "中国500强";
    /// <summary>副会长单位.</summary>
    public const string VicePresidentUnit = "副会长单位";
    /// <summary>智工委委员单位: may submit its own cases directly; a smaller quota that counts them.</summary>
    public const string CommitteeMember = "智工委委员单位";
}
