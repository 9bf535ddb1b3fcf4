using System.Text.Json.Serialization;

namespace CaseIngest.Abstractions.Records;

/// <summary>
/// One submission as CaseIngest understands it: what the worker indexes and what <c>ingest --out</c> writes.
/// The JSON names are a contract (DESIGN.md, "The case record"): add fields freely, never rename.
/// </summary>
public sealed class CaseRecord
{
    /// <summary>The submission's id (from its manifest or message, else the package's name).</summary>
    public string SubmissionId { get; set; } = "";

    /// <summary>The edition of the call (8 for the 2026 call).</summary>
    public int? Edition { get; set; }

    /// <summary>The recommending organisation as the submission system or the manifest names it.</summary>
    public string? Recommender { get; set; }

    /// <summary>The recommender as the edition's registry names it (its canonical name, matched through the aliases),
    /// else the raw name tidied; set by the edition stage. <see cref="Recommender"/> keeps the raw name.</summary>
    public string? RecommenderNormalized { get; set; }

    /// <summary>True when the manifest says a 智工委 member unit submits its own case directly (no recommender).</summary>
    public bool? DirectSubmission { get; set; }

    /// <summary>Set when the submission was withdrawn: it stays on record but no edition rule counts it (a withdrawn
    /// package frees its recommender's quota). Kept when the package is processed again, dropped by a later resubmission.</summary>
    public Withdrawal? Withdrawn { get; set; }

    /// <summary>When the submission was made (manifest or message).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the pipeline finished with the package.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Derived from the findings by the host: see <see cref="Records.Verdict"/>.</summary>
    public Verdict Verdict { get; set; } = Verdict.Accepted;

    /// <summary>The rule-set version the checks ran under (e.g. <c>edition-8</c>).</summary>
    public string? RuleSet { get; set; }

    /// <summary>1 for the first package of a submission; each resubmission (the same id, another package) counts one up.
    /// Every version's package stays in the store and its record in the history.</summary>
    public int PackageVersion { get; set; } = 1;

    /// <summary>The content address of the package in the package store (sha256 of the package bytes).</summary>
    public string? PackageSha256 { get; set; }

    /// <summary>Every file of the package with the role decided by its content.</summary>
    public List<PackageFileInfo> Files { get; set; } = [];

    /// <summary>The application form's fields (附件1), filled by the form plugin.</summary>
    public FormSection? Form { get; set; }

    /// <summary>Seals and dates of the signature page's two blocks.</summary>
    public StampsSection? Stamps { get; set; }

    /// <summary>OCR'd signature pages.</summary>
    public List<PageInfo> Pages { get; set; } = [];

    /// <summary>The case report (附件2): counts, outline and text.</summary>
    public ReportSection? Report { get; set; }

    /// <summary>The predicted case type with scores and evidence.</summary>
    public ClassificationSection? Classification { get; set; }

    /// <summary>What the machine finds for the experts' evaluation: the rubric's points and the passages covering them.</summary>
    public EvaluationSection? Evaluation { get; set; }

    /// <summary>Everything the checks found.</summary>
    public List<Finding> Findings { get; set; } = [];

    /// <summary>Findings of the plugins that an edition rule set aside (a direct submission needs no recommender
    /// block, so its recommender stamp, opinion and contact findings do not count); restored when the rule no longer holds.</summary>
    public List<Finding> SuppressedFindings { get; set; } = [];

    /// <summary>Which plugins ran, how long they took and how they ended.</summary>
    public List<PluginRun> Plugins { get; set; } = [];

    /// <summary>Written by people through the web application; the pipeline never overwrites it.</summary>
    public ReviewSection? Review { get; set; }
}

/// <summary>A record's verdict. <c>failed</c> when the package was unreadable or a plugin failed; otherwise
/// <c>rejected</c> when an error finding stands; otherwise <c>needs_review</c> when a warning stands; else <c>accepted</c>.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Compliant: no error or warning finding.</summary>
    Accepted,
    /// <summary>A warning stands: a reviewer must look.</summary>
    NeedsReview,
    /// <summary>An error finding stands: eliminated at the compliance review.</summary>
    Rejected,
    /// <summary>The package was unreadable or a plugin failed: the checks are incomplete.</summary>
    Failed,
}

/// <summary>Who withdrew a submission, when and why.</summary>
public sealed class Withdrawal
{
    /// <summary>When it was withdrawn.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>Who withdrew it.</summary>
    public string? By { get; set; }
    /// <summary>Why.</summary>
    public string? Reason { get; set; }
}

/// <summary>One file of a package as the record lists it.</summary>
public sealed class PackageFileInfo
{
    /// <summary>The file's path inside the package (forward slashes), decoded from GBK where needed.</summary>
    public string Name { get; set; } = "";

    /// <summary>The role decided by content.</summary>
    public FileRole Role { get; set; } = FileRole.Other;

    /// <summary>Lower-case hex sha256 of the file's bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Bytes { get; set; }

    /// <summary>The format the file was converted from with LibreOffice before it was read (doc, rtf, odt, wps); null when
    /// it was read as submitted.</summary>
    public string? ConvertedFrom { get; set; }

    /// <summary>When one file holds several documents (a PDF of report, form and signature page): its page ranges and
    /// the role of each, in page order; null when the whole file has <see cref="Role"/>, which names the main role.</summary>
    public List<PageRange>? Pages { get; set; }
}

/// <summary>Pages <see cref="From"/> to <see cref="To"/> (1-based, inclusive) of a file, holding one document.</summary>
/// <param name="From">The first page.</param>
/// <param name="To">The last page.</param>
/// <param name="Role">What those pages are.</param>
public sealed record PageRange(int From, int To, FileRole Role)
{
    /// <summary>Whether <paramref name="page"/> is in the range.</summary>
    public bool Contains(int page) => page >= From && page <= To;
}

/// <summary>What a file is for in a package.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<FileRole>))]
public enum FileRole
{
    /// <summary>Not one of the roles below.</summary>
    Other,
    /// <summary>The application form, 附件1 申报表.</summary>
    Form,
    /// <summary>The case report, 附件2 案例报告.</summary>
    Report,
    /// <summary>A scanned signature page with seals.</summary>
    StampPage,
    /// <summary>The submission system's manifest.json.</summary>
    Manifest,
}
