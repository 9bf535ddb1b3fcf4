using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Web.Review;

/// <summary>The <c>Review</c> section as the web application reads it.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>When the call closes (四(三): 2026-07-31 24:00 +08:00). A package may be returned for correction only
    /// before it; after it a non-compliant case is eliminated (直接淘汰).</summary>
    [Required]
    public DateTimeOffset CallClosesAt { get; set; } = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Cases per queue page (also what "accept the machine's verdict" acts on at once).</summary>
    [Range(5, 200)]
    public int QueuePageSize { get; set; } = 20;

    /// <summary>The issuing organisation and its line on the 补正通知.</summary>
    public string NoticeIssuer { get; set; } = "中国企业联合会智慧企业工作委员会";

    /// <summary>Where applicants send the corrected package (a sentence of the notice).</summary>
    public string NoticeResubmitTo { get; set; } = "请于收到本通知之日起五个工作日内，通过原申报渠道以原申报编号重新提交补正后的完整申报材料。";
}
