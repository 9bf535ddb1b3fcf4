using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Parsing;

namespace CaseIngest.Plugins.FormFields.Checks;

/// <summary>The form rules of DESIGN.md's catalogue: missing_field, type_not_ticked, multiple_types_ticked,
/// invalid_contact, creators_count, indicator_inconsistent.</summary>
internal sealed class FormChecks
{
    public const int MaxCreators = 5;

    public List<FormIssue> Check(ParsedForm parsed)
    {
        var form = parsed.Form;
        var issues = new List<FormIssue>();
        Required(issues, form.CaseName, "案例名称", "案例名称");
        Required(issues, form.Applicant, "申报单位名称", "申报单位名称");
        CheckTypes(issues, parsed);
        CheckIndicators(issues, parsed);
        CheckContact(issues, form.ApplicantContact, "申报单位联系人");
        Required(issues, form.ApplicantOpinion, "申报单位意见", "申报单位意见");
        CheckCreators(issues, form.Creators);
        CheckContact(issues, form.RecommenderContact, "推荐单位联系人");
        Required(issues, form.RecommenderOpinion, "推荐单位意见", "推荐单位意见");
        return issues;
    }

    private static void Required(List<FormIssue> issues, string? value, string field, string section)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(new FormIssue(FindingCodes.MissingField, $"申报表必填项“{field}”为空", $"空白栏目：{field}", section));
        }
    }

    private static void CheckTypes(List<FormIssue> issues, ParsedForm parsed)
    {
        var declared = parsed.Form.DeclaredTypes;
        var written = FormText.Value(parsed.TypeText) ?? "（申报表中没有案例类型栏）";
        if (declared.Count == 0)
        {
            issues.Add(new FormIssue(FindingCodes.TypeNotTicked, "案例类型未勾选：须在六类中勾选一类", $"案例类型栏：{written}", "案例类型", 0, 1));
        }
        else if (declared.Count > 1)
        {
            issues.Add(new FormIssue(FindingCodes.MultipleTypesTicked,
                $"案例类型勾选了 {declared.Count} 类（{string.Join("、", declared)}），只能勾选一类", $"案例类型栏：{written}", "案例类型",
                declared.Count, 1));
        }
    }

    private static void CheckIndicators(List<FormIssue> issues, ParsedForm parsed)
    {
        var indicators = parsed.Form.Indicators;
        foreach (var name in IndicatorNames.All)
        {
            var values = indicators.GetValueOrDefault(name) ?? [null, null];
            for (var y = 0; y < 2; y++)
            {
                var label = $"{name}（{2024 + y} 年）";
                if (values.ElementAtOrDefault(y) is not { } value)
                {
                    var unreadable = parsed.UnreadableIndicators.FirstOrDefault(u => u.StartsWith(label, StringComparison.Ordinal));
                    issues.Add(new FormIssue(FindingCodes.MissingField,
                        unreadable is null ? $"申报表必填项“{label}”为空" : $"申报表指标“{label}”不是数字",
                        unreadable ?? $"空白栏目：{label}", "指标"));
                    continue;
                }

                if (value < 0)
                {
                    issues.Add(Inconsistent($"{label}为负数", $"{label}：{Format(value)}", value, 0));
                }

                if (name == IndicatorNames.TalentShare && value > 100)
                {
                    issues.Add(Inconsistent($"{label}超出 0–100%", $"{label}：{Format(value)}%", value, 100));
                }
            }
        }

        var main = indicators.GetValueOrDefault(IndicatorNames.MainRevenue);
        var digital = indicators.GetValueOrDefault(IndicatorNames.DigitalRevenue);
        for (var y = 0; y < 2; y++)
        {
            if (main?.ElementAtOrDefault(y) is { } m && digital?.ElementAtOrDefault(y) is { } d && d > m)
            {
                issues.Add(Inconsistent($"{2024 + y} 年数字化业务收入高于主营业务收入",
                    $"{2024 + y} 年：数字化业务收入 {Format(d)} 万元 > 主营业务收入 {Format(m)} 万元", d, m));
            }
        }
    }

    private static FormIssue Inconsistent(string message, string evidence, double measured, double limit) =>
        new(FindingCodes.IndicatorInconsistent, $"指标不合常理：{message}", evidence, "指标", measured, limit);

    private static void CheckContact(List<FormIssue> issues, Contact? contact, string block)
    {
        Required(issues, contact?.Name, $"{block}·姓名", block);
        Required(issues, contact?.Title, $"{block}·职务(部门)", block);
        Required(issues, contact?.Phone, $"{block}·电话", block);
        Required(issues, contact?.Email, $"{block}·电子邮箱", block);
        if (contact?.Phone is { } phone && !ContactRules.IsPlausiblePhone(phone))
        {
            issues.Add(new FormIssue(FindingCodes.InvalidContact, $"{block}的电话号码不像有效号码", $"{block}·电话：{phone}", block));
        }

        if (contact?.Email is { } email && !ContactRules.IsPlausibleEmail(email))
        {
            issues.Add(new FormIssue(FindingCodes.InvalidContact, $"{block}的电子邮箱格式不正确", $"{block}·电子邮箱：{email}", block));
        }
    }

    private static void CheckCreators(List<FormIssue> issues, List<Creator> creators)
    {
        if (creators.Count is 0 or > MaxCreators)
        {
            var names = creators.Count == 0 ? "未填写创造人" : string.Join("、", creators.Select(c => c.Name ?? "（无姓名）"));
            issues.Add(new FormIssue(FindingCodes.CreatorsCount, $"创造人 {creators.Count} 位，须为 1–{MaxCreators} 位", $"创造人：{names}",
                "创造人", creators.Count, MaxCreators));
        }

        for (var i = 0; i < creators.Count; i++)
        {
            // 职称 may truly be none; 姓名 and 职务 may not.
            Required(issues, creators[i].Name, $"创造人{i + 1}·姓名", "创造人");
            Required(issues, creators[i].Title, $"创造人{i + 1}·职务", "创造人");
        }
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
