namespace CaseIngest.Abstractions.Records;

/// <summary>The application form (附件1) as extracted.</summary>
public sealed class FormSection
{
    /// <summary>案例名称.</summary>
    public string? CaseName { get; set; }
    /// <summary>申报单位名称.</summary>
    public string? Applicant { get; set; }
    /// <summary>The recommending organisation as the form names it.</summary>
    public string? Recommender { get; set; }
    /// <summary>The 案例类型 boxes ticked (none, one or several), by their labels.</summary>
    public List<string> DeclaredTypes { get; set; } = [];
    /// <summary>Indicator name → [2024 value, 2025 value]; null where blank. Money in 万元, shares in percent.</summary>
    public Dictionary<string, double?[]> Indicators { get; set; } = [];
    /// <summary>申报单位联系人.</summary>
    public Contact? ApplicantContact { get; set; }
    /// <summary>推荐单位联系人.</summary>
    public Contact? RecommenderContact { get; set; }
    /// <summary>申报单位意见.</summary>
    public string? ApplicantOpinion { get; set; }
    /// <summary>推荐单位意见.</summary>
    public string? RecommenderOpinion { get; set; }
    /// <summary>创造人, in the form's order.</summary>
    public List<Creator> Creators { get; set; } = [];
    /// <summary>For a form read by OCR from a scan: how sure the reading of each field is (0–1), by the field's path in
    /// this section (<c>caseName</c>, <c>indicators.主营业务收入[0]</c>, <c>applicantContact.phone</c>,
    /// <c>creators[1].name</c>); null for a form read from its document's own text.</summary>
    public Dictionary<string, double>? FieldConfidence { get; set; }
}

/// <summary>A contact person of the form.</summary>
public sealed class Contact
{
    /// <summary>姓名.</summary>
    public string? Name { get; set; }
    /// <summary>职务(部门).</summary>
    public string? Title { get; set; }
    /// <summary>电话.</summary>
    public string? Phone { get; set; }
    /// <summary>电子邮箱.</summary>
    public string? Email { get; set; }
}

/// <summary>One 创造人.</summary>
public sealed class Creator
{
    /// <summary>姓名.</summary>
    public string? Name { get; set; }
    /// <summary>职务.</summary>
    public string? Title { get; set; }
    /// <summary>职称.</summary>
    public string? Rank { get; set; }
}

/// <summary>The seals of the signature page's two blocks.</summary>
public sealed class StampsSection
{
    /// <summary>The 申报单位 block.</summary>
    public StampBlock Applicant { get; set; } = new();
    /// <summary>The 推荐单位 block.</summary>
    public StampBlock Recommender { get; set; } = new();
}

/// <summary>One block of the signature page.</summary>
public sealed class StampBlock
{
    /// <summary>Whether a seal was found in the block.</summary>
    public bool Present { get; set; }
    /// <summary>The date beside the seal, ISO (yyyy-MM-dd), or null.</summary>
    public string? Date { get; set; }
    /// <summary>The organisation read along the seal's arc.</summary>
    public string? Organization { get; set; }
    /// <summary>Confidence of the seal detection, 0–1.</summary>
    public double? Confidence { get; set; }
    /// <summary>1-based page (over all signature pages of the package) the seal is on.</summary>
    public int? Page { get; set; }
}

/// <summary>One OCR'd page.</summary>
public sealed class PageInfo
{
    /// <summary>The file name inside the package.</summary>
    public string File { get; set; } = "";
    /// <summary>1-based page within the file.</summary>
    public int Page { get; set; } = 1;
    /// <summary>The page's text, without the spaces OCR puts between Chinese characters.</summary>
    public string? Text { get; set; }
    /// <summary>Mean OCR confidence, 0–1.</summary>
    public double? Confidence { get; set; }
    /// <summary>Seals found on the page.</summary>
    public List<SealInfo> Seals { get; set; } = [];
    /// <summary>Width in pixels of the image the seal boxes were measured on (the OCR's raster of the page, which need
    /// not be the size of the page image kept for people to look at); null in records written before it was kept.</summary>
    public int? Width { get; set; }
    /// <summary>Height in pixels of that image.</summary>
    public int? Height { get; set; }
}

/// <summary>A seal on a page.</summary>
public sealed class SealInfo
{
    /// <summary><c>applicant</c>, <c>recommender</c> or null when it could not be assigned.</summary>
    public string? Block { get; set; }
    /// <summary>[x, y, w, h] in the pixels of the image the page was read on (<see cref="PageInfo.Width"/> × <see cref="PageInfo.Height"/>).</summary>
    public int[] Box { get; set; } = [];
    /// <summary>Detection confidence, 0–1.</summary>
    public double Confidence { get; set; }
    /// <summary>The organisation read along the arc.</summary>
    public string? Organization { get; set; }
}

/// <summary>The case report (附件2).</summary>
public sealed class ReportSection
{
    /// <summary>The report's title.</summary>
    public string? Title { get; set; }
    /// <summary>The company line under the title.</summary>
    public string? CompanyLine { get; set; }
    /// <summary>字数 of 正文 as DESIGN.md counts it.</summary>
    public int BodyWordCount { get; set; }
    /// <summary>字数 of 一、企业概况; null when the report has no such section (not 0: nothing was measured).</summary>
    public int? OverviewWordCount { get; set; }
    /// <summary>字数 of 二、案例内容; null when the report has no such section.</summary>
    public int? ContentWordCount { get; set; }
    /// <summary>字数 of 三、绩效表现; null when the report has no such section.</summary>
    public int? PerformanceWordCount { get; set; }
    /// <summary>The earliest month the report says the case went into use (上线, 投入使用, 投运): <c>yyyy-MM</c>, or
    /// <c>yyyy</c> when it states only a year; null when it states neither.</summary>
    public string? ImplementationStart { get; set; }
    /// <summary>Whether a 目录 is present.</summary>
    public bool HasToc { get; set; }
    /// <summary>The deepest heading level used.</summary>
    public int MaxHeadingDepth { get; set; }
    /// <summary>The headings in order.</summary>
    public List<OutlineEntry> Outline { get; set; } = [];
    /// <summary>The full text (paragraphs separated by new lines).</summary>
    public string? Text { get; set; }
}

/// <summary>A heading of the report.</summary>
public sealed class OutlineEntry
{
    /// <summary>1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.</summary>
    public int Level { get; set; }
    /// <summary>The heading text with its numbering.</summary>
    public string Heading { get; set; } = "";
}

/// <summary>The case type prediction.</summary>
public sealed class ClassificationSection
{
    /// <summary>The predicted type, or null when the classifier abstained.</summary>
    public string? Predicted { get; set; }
    /// <summary>A calibrated score per type label.</summary>
    public Dictionary<string, double> Scores { get; set; } = [];
    /// <summary>The terms or passages that weighed most.</summary>
    public List<string> Evidence { get; set; } = [];
    /// <summary>The model that made the prediction.</summary>
    public string? ModelVersion { get; set; }
}

/// <summary>How a plugin run ended.</summary>
public sealed class PluginRun
{
    /// <summary>The plugin's declared name.</summary>
    public string Name { get; set; } = "";
    /// <summary>The plugin's version.</summary>
    public string? Version { get; set; }
    /// <summary>Wall time in milliseconds.</summary>
    public double ElapsedMs { get; set; }
    /// <summary><c>ok</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public string Outcome { get; set; } = PluginOutcomes.Ok;
    /// <summary>Why it failed or was skipped.</summary>
    public string? Error { get; set; }
}

/// <summary>The values of <see cref="PluginRun.Outcome"/>.</summary>
public static class PluginOutcomes
{
    /// <summary>Ran to the end.</summary>
    public const string Ok = "ok";
    /// <summary>Threw, timed out or crashed.</summary>
    public const string Failed = "failed";
    /// <summary>Did not run (nothing to do, or a plugin it needs failed).</summary>
    public const string Skipped = "skipped";
}

/// <summary>What people wrote through the web application.</summary>
public sealed class ReviewSection
{
    /// <summary>The type a reviewer confirmed or corrected; what <c>train</c> learns from.</summary>
    public string? ConfirmedType { get; set; }
    /// <summary>Who confirmed it, and when.</summary>
    public string? ConfirmedBy { get; set; }
    /// <summary>When the type was confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    /// <summary>The editors' shortlist entry, or null.</summary>
    public Shortlist? Shortlist { get; set; }
    /// <summary>A person's decision per finding (matched to the record's findings by code and evidence, see
    /// <see cref="ReviewRules.DecisionFor"/>), so that it carries over a reprocessing or a resubmission that keeps the finding.</summary>
    public List<FindingDecision> Findings { get; set; } = [];
    /// <summary>The package's decision that counts for the edition; null while it waits for a person.</summary>
    public PackageDecision? Decision { get; set; }
    /// <summary>Counts every change people make to this review: a change names the revision it was made on and is refused
    /// (a conflict) when the review moved on meanwhile (optimistic concurrency).</summary>
    public long Revision { get; set; }
    /// <summary>入选: set by an admin after the evaluation; null when not selected.</summary>
    public Selection? Selected { get; set; }
    /// <summary>The experts' evaluation of the case (DESIGN.md, "Evaluation").</summary>
    public EvaluationReview? Evaluation { get; set; }
}

/// <summary>An editor's shortlist entry.</summary>
public sealed class Shortlist
{
    /// <summary>1–5.</summary>
    public int Rating { get; set; }
    /// <summary>The editor's note.</summary>
    public string? Note { get; set; }
    /// <summary>Who shortlisted.</summary>
    public string? By { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset? At { get; set; }
}
