using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Documents;

/// <summary>
/// A record without its bulk — texts, pages, files, stamps, classification, evaluation, plugin runs, review and
/// contacts —: what a stage that looks across many records (the edition stage) reads, so that checking 10,000 records
/// reads a few hundred bytes of each instead of whole records. The backends keep it beside the record (Lucene: a doc
/// value; Elasticsearch: these paths of the stored record).
/// </summary>
public static class RecordOutline
{
    /// <summary>The record's JSON properties an outline keeps (camelCase, as <see cref="CaseRecordJson"/> writes them);
    /// <c>form</c> keeps only <see cref="FormPaths"/>.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "submissionId", "edition", "recommender", "recommenderNormalized", "directSubmission", "withdrawn", "submittedAt",
        "processedAt", "verdict", "ruleSet", "packageVersion", "packageSha256", "findings", "suppressedFindings",
    ];

    /// <summary>The parts of <c>form</c> an outline keeps.</summary>
    public static IReadOnlyList<string> FormPaths { get; } = ["form.caseName", "form.applicant", "form.recommender"];

    /// <summary>The outline of a record (sharing its finding lists: it is meant to be written, or to replace the record).</summary>
    public static CaseRecord Of(CaseRecord record) => new()
    {
        SubmissionId = record.SubmissionId,
        Edition = record.Edition,
        Recommender = record.Recommender,
        RecommenderNormalized = record.RecommenderNormalized,
        DirectSubmission = record.DirectSubmission,
        Withdrawn = record.Withdrawn,
        SubmittedAt = record.SubmittedAt,
        ProcessedAt = record.ProcessedAt,
        Verdict = record.Verdict,
        RuleSet = record.RuleSet,
        PackageVersion = record.PackageVersion,
        PackageSha256 = record.PackageSha256,
        Form = record.Form is { } form ? new FormSection { CaseName = form.CaseName, Applicant = form.Applicant, Recommender = form.Recommender } : null,
        Findings = record.Findings,
        SuppressedFindings = record.SuppressedFindings,
    };

    /// <summary>The outline as stored (the record's own JSON).</summary>
    public static byte[] Serialize(CaseRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(Of(record), CaseRecordJson.Options);

    /// <summary>An outline read back.</summary>
    public static CaseRecord Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<CaseRecord>(json, CaseRecordJson.Options)
        ?? throw new JsonException("A stored record outline was null.");
}
