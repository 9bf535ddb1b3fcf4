using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>Small records for the behaviour suite.</summary>
internal static class TestRecords
{
    public static CaseRecord Case(string id, string title, string text, string type = "经营管理类", Verdict verdict = Verdict.Accepted,
        int edition = 8, string recommender = "安徽省企业联合会", DateTimeOffset? submittedAt = null, string[]? headings = null,
        string[]? findings = null, int? rating = null) => new()
    {
        SubmissionId = id,
        Edition = edition,
        Recommender = recommender,
        SubmittedAt = submittedAt ?? new DateTimeOffset(2026, 7, 10, 9, 30, 0, TimeSpan.FromHours(8)),
        Verdict = verdict,
        Form = new FormSection { CaseName = title, Applicant = "测试企业" + id + "有限公司", DeclaredTypes = [type] },
        Report = new ReportSection
        {
            Title = title,
            Text = text,
            Outline = (headings ?? ["一、企业概况", "二、案例内容", "三、绩效表现"]).Select(h => new OutlineEntry { Level = 1, Heading = h }).ToList(),
        },
        Findings = (findings ?? []).Select(c => new Finding { Code = c, Severity = Severity.Warning, Message = "检查" }).ToList(),
        Review = rating is { } r ? new ReviewSection { Shortlist = new Shortlist { Rating = r } } : null,
    };
}
