using CaseIngest.Abstractions.Records;

namespace CaseIngest.Bench.Search;

/// <summary>Deterministic synthetic case records: report text sampled from real report paragraphs, made-up applicants
/// and titles, every facet field filled (type, verdict, edition, recommender, finding codes).</summary>
public sealed class SyntheticCases(IReadOnlyList<string> paragraphs)
{
    /// <summary>Bump when the generated records change, so a reused index is rebuilt.</summary>
    public const int Version = 1;

    private static readonly string[] s_provinces = ["安徽省", "江苏省", "浙江省", "广东省", "山东省", "河南省", "湖北省", "湖南省", "四川省", "福建省",
        "河北省", "陕西省", "辽宁省", "江西省", "云南省", "重庆市", "天津市", "上海市", "北京市", "广西"];
    private static readonly string[] s_cities = ["合肥", "苏州", "宁波", "佛山", "青岛", "郑州", "武汉", "长沙", "成都", "厦门", "唐山", "西安", "大连", "南昌", "昆明"];
    private static readonly string[] s_trades = ["智能装备", "精密制造", "新材料", "电力", "医疗科技", "物流", "化工", "汽车零部件", "纺织", "食品", "建材", "软件"];
    private static readonly string[] s_techniques = ["大模型", "机器视觉", "知识图谱", "数字孪生", "深度学习", "智能体", "预测性维护", "工业互联网"];
    private static readonly string[] s_domains = ["质量检测", "生产排程", "设备运维", "供应链协同", "安全生产", "能耗管理", "客户服务", "研发设计"];
    private static readonly string[] s_verdicts = [nameof(Verdict.Accepted), nameof(Verdict.NeedsReview), nameof(Verdict.Rejected)];
    private static readonly string[] s_codes = [FindingCodes.TooLong, FindingCodes.NoToc, FindingCodes.FirstPerson, FindingCodes.TitleTooLong,
        FindingCodes.MissingApplicantStamp, FindingCodes.MissingStampDate, FindingCodes.TypeMismatch, FindingCodes.MissingField];

    /// <summary>Case <paramref name="number"/>; the same number always gives the same record.</summary>
    public CaseRecord Create(int number)
    {
        var random = new Random(number);
        string Pick(IReadOnlyList<string> list) => list[random.Next(list.Count)];
        var applicant = $"{Pick(s_cities)}{Pick(s_trades)}{(char)('甲' + random.Next(10))}{Pick(["股份", "集团", "科技"])}有限公司";
        var title = $"基于{Pick(s_techniques)}的{Pick(s_trades)}{Pick(s_domains)}{Pick(["创新实践", "应用案例", "解决方案", "平台建设"])}";
        var type = Pick(CaseTypes.All);
        var text = string.Join('\n', Enumerable.Range(0, random.Next(12, 25)).Select(_ => Pick(paragraphs)));
        var verdict = Enum.Parse<Verdict>(Pick(s_verdicts));
        return new CaseRecord
        {
            SubmissionId = $"S{number:000000}",
            Edition = random.Next(4) == 0 ? 7 : 8,
            Recommender = Pick(s_provinces) + "企业联合会",
            SubmittedAt = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(random.Next(200_000)),
            Verdict = verdict,
            RuleSet = "edition-8",
            Form = new FormSection { CaseName = title, Applicant = applicant, DeclaredTypes = [type] },
            Report = new ReportSection { Title = title, CompanyLine = applicant, Text = text, BodyWordCount = text.Length, HasToc = true, MaxHeadingDepth = 3 },
            Classification = new ClassificationSection { Predicted = random.Next(10) == 0 ? Pick(CaseTypes.All) : type, ModelVersion = "synthetic" },
            Findings = verdict == Verdict.Accepted ? [] :
                [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new Finding { Code = Pick(s_codes), Severity = Severity.Warning, Message = "synthetic" })],
        };
    }

    /// <summary>Query words that certainly occur in the generated text and titles.</summary>
    public IReadOnlyList<string> QueryWords()
    {
        string[] candidates = ["人工智能", "大模型", "数字化", "智能制造", "供应链", "质量", "检测", "工业互联网", "平台", "数据", "算法", "效率",
            "成本", "安全", "设备", "预测", "客户", "能耗", "模型", "机器视觉", "知识图谱", "数字孪生", "排程", "运维"];
        return [.. candidates.Where(w => s_techniques.Contains(w) || s_domains.Any(d => d.Contains(w, StringComparison.Ordinal))
            || paragraphs.Any(p => p.Contains(w, StringComparison.Ordinal)))];
    }
}
