using System.Text;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Support;

/// <summary>A fictional report written for the tests: one paragraph per point under the dimension's heading, so that a
/// point can be taken out (it must go to not covered) or said in other words (it must stay covered).</summary>
public sealed class GeneratedReport
{
    /// <summary>Point id → the paragraph that covers it, in the order the report has them.</summary>
    public static IReadOnlyDictionary<string, string> Paragraphs { get; } = new Dictionary<string, string>
    {
        ["S1"] = "案例覆盖来料检验、工序检验和出厂检验三个核心业务环节，范围包括全部8条产线。",
        ["S2"] = "选择质检作为切入点，主要考虑质检是客户投诉最集中的痛点，也符合企业“质量立企”的发展战略。",
        ["S3"] = "三个场景之间通过统一的数据平台打通，出厂检验发现的问题自动回流到工序检验，形成质量闭环。",
        ["T1"] = "企业自建工业互联网平台，采用“端—边—云”架构，车间部署边缘计算节点40个，私有云承载模型训练。",
        ["T2"] = "企业建立数据治理体系，制定主数据标准320项、数据质量校验规则410条，数据按生命周期分级归档。",
        ["T3"] = "质检模型由单点识别演进到覆盖全部工序的模型库，沉淀缺陷知识库，缺陷样本形成数据资产统一管理。",
        ["T4"] = "平台按照网络安全等级保护三级要求建设，生产网与办公网隔离，每年开展两次渗透测试和攻防演练。",
        ["O1"] = "企业开展全员数智化培训，管理层参加领导力专题课程，一线员工累计培训1200人次。",
        ["O2"] = "原质检员岗位转为缺陷复判员和标注员，重新定义岗位职责，建立三级能力模型。",
        ["O3"] = "对质量业务流程进行再造，检验流程由“抽检—复检—判定”改为“系统全检—人工复判”，配套修订质量管理制度6项。",
        ["O4"] = "组建数字化质量中心，把分散在各车间的检验人员整合为统一团队，组织结构由职能式调整为矩阵式。",
        ["O5"] = "企业将数智化战略纳入“十四五”发展规划，成立董事长任主任的数字化转型委员会，转型成效纳入年度经营考核。",
        ["H1"] = "系统负责初判和分级，置信度低的结果由人工复核，最终放行由质检员决定，人机分工逐步调整。",
        ["H2"] = "质检员可以用自然语言向系统提问，例如“昨天二号线划伤为什么增多”，系统以语音和图表回答。",
        ["H3"] = "例如2025年3月，系统发现一批外壳色差异常，工程师结合系统给出的关联分析锁定供应商批次，避免了整批退货。",
        ["P1"] = "经济效益方面，漏检率由3.2%降低到0.4%，单件检验时间由40秒缩短到6秒，年节约成本1800万元。",
        ["P2"] = "社会效益方面，废品减少使单位产值能耗下降8%，年减少二氧化碳排放约1200吨。",
        ["P3"] = "技术成果方面，获授权发明专利12项、软件著作权20项，参与制定团体标准2项，获省科技进步奖二等奖。",
        ["P4"] = "竞争力方面，产品进入两家国际品牌的供应商名录，细分市场份额由9%提高到13%。",
    };

    private static readonly (string Heading, int Level, string[] Points)[] s_layout =
    [
        ("一、企业概况", 1, []),
        ("二、案例内容", 1, []),
        ("（一）应用场景", 2, ["S1", "S2", "S3"]),
        ("（二）数智技术能力", 2, ["T1", "T2", "T3", "T4"]),
        ("（三）组织与管理变革", 2, ["O1", "O2", "O3", "O4", "O5"]),
        ("（四）人机（智能系统）协同", 2, ["H1", "H2", "H3"]),
        ("三、绩效表现", 1, ["P1", "P2", "P3", "P4"]),
    ];

    /// <summary>The report with every point, less <paramref name="without"/>, with <paramref name="restated"/> in place of
    /// the paragraphs of those points.</summary>
    public static ReportSection Build(IEnumerable<string>? without = null, IReadOnlyDictionary<string, string>? restated = null)
    {
        var left = new HashSet<string>(without ?? []);
        var text = new StringBuilder();
        var outline = new List<OutlineEntry>();
        foreach (var (heading, level, points) in s_layout)
        {
            outline.Add(new OutlineEntry { Level = level, Heading = heading });
            text.Append(heading).Append('\n');
            if (heading == "一、企业概况")
            {
                text.Append("江淮精工股份有限公司（简称“江淮精工”）成立于2003年，主要生产家电外壳和结构件，员工2100人。\n");
            }

            foreach (var point in points.Where(p => !left.Contains(p)))
            {
                text.Append(restated is not null && restated.TryGetValue(point, out var words) ? words : Paragraphs[point]).Append('\n');
            }
        }

        return new ReportSection { Text = text.ToString().TrimEnd('\n'), Outline = outline };
    }
}
