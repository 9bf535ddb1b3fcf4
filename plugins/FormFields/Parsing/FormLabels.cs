namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>The blocks of the 申报表, each opened by a label in the form's left column.</summary>
internal enum FormBlock
{
    None,
    CaseName,
    Applicant,
    CaseType,
    Indicators,
    ApplicantContact,
    ApplicantOpinion,
    Creators,
    RecommenderContact,
    RecommenderOpinion,
    Recommender,
    /// <summary>A bare 联系人: the applicant's until that block has values, then the recommender's.</summary>
    Contact,
}

/// <summary>The column headers of the contact and creator blocks.</summary>
internal enum ColumnField
{
    Ignored,
    Name,
    Title,
    Rank,
    Phone,
    Email,
}

/// <summary>A label found at the start of a cell, with what followed it in the same cell (<c>案例名称：…</c>).</summary>
/// <param name="InlineValue">The rest of the cell after the label, lines kept; null when the label stands alone.</param>
internal readonly record struct LabelMatch(FormBlock Block, string? InlineValue);

/// <summary>The labels of the form as printed in 附件1 and as people retype them.</summary>
internal static class FormLabels
{
    // Longest first, so 申报单位联系人 wins over 申报单位. Labels marked exact must stand alone or be followed by a colon.
    private static readonly (string Text, FormBlock Block, bool Exact)[] s_labels =
    [
        ("申报单位联系人", FormBlock.ApplicantContact, false),
        ("推荐单位联系人", FormBlock.RecommenderContact, false),
        ("申报单位名称", FormBlock.Applicant, false),
        ("推荐单位名称", FormBlock.Recommender, false),
        ("申报单位意见", FormBlock.ApplicantOpinion, false),
        ("推荐单位意见", FormBlock.RecommenderOpinion, false),
        ("申报企业名称", FormBlock.Applicant, false),
        ("申报联系人", FormBlock.ApplicantContact, false),
        ("推荐联系人", FormBlock.RecommenderContact, false),
        ("案例名称", FormBlock.CaseName, false),
        ("案例类型", FormBlock.CaseType, false),
        ("申报类型", FormBlock.CaseType, false),
        ("申报单位", FormBlock.Applicant, true),
        ("推荐单位", FormBlock.Recommender, true),
        ("创造人", FormBlock.Creators, false),
        ("联系人", FormBlock.Contact, true),
    ];

    /// <summary>The label a cell starts with, or null. A label must be the whole cell, be followed by a colon and its
    /// value, or be the cell's first line with the value on the next lines; a note in brackets after it is allowed.</summary>
    public static LabelMatch? Match(string cellText)
    {
        var text = cellText.Trim();
        if (text.Length == 0 || text.Length > 4000)
        {
            return null;
        }

        foreach (var (label, block, exact) in s_labels)
        {
            var rest = FormText.RestAfter(text, label);
            if (rest is null)
            {
                continue;
            }

            var afterLabelLine = rest.StartsWith('\n') || rest.StartsWith("\r\n", StringComparison.Ordinal);
            rest = rest.TrimStart();
            if (rest.Length > 0 && FormText.Fold(rest[0]) == '(')
            {
                // 创造人（1-5位）, 申报单位（盖章） is not a label: 盖章 notes belong to the signature block.
                var close = rest.IndexOfAny([')', '）']);
                if (close < 0 || rest[..close].Contains("盖章", StringComparison.Ordinal))
                {
                    continue;
                }

                afterLabelLine = rest[(close + 1)..].StartsWith('\n');
                rest = rest[(close + 1)..].TrimStart();
            }

            if (rest.Length == 0)
            {
                return new LabelMatch(block, null);
            }

            if (rest[0] is ':' or '：')
            {
                return new LabelMatch(block, Lines(rest[1..]));
            }

            if (!exact && afterLabelLine)
            {
                return new LabelMatch(block, Lines(rest));
            }

            // A label word followed by anything else (申报单位盖章, 联系人电话) is not this label.
        }

        return null;
    }

    private static string? Lines(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The column a header cell names (姓 名, 职务(部门), 职称, 电话, 电子邮箱), or null if the cell is no such header.</summary>
    public static ColumnField? Column(string cellText)
    {
        var c = FormText.Compact(cellText).ToLowerInvariant();
        if (c.Length == 0 || c.Length > 12)
        {
            return null;
        }

        if (c is "姓名" or "名字")
        {
            return ColumnField.Name;
        }

        if (c.Contains("职称", StringComparison.Ordinal))
        {
            return ColumnField.Rank;
        }

        if (c.Contains("职务", StringComparison.Ordinal) || c is "部门" or "职位")
        {
            return ColumnField.Title;
        }

        if (c.Contains("电话", StringComparison.Ordinal) || c.Contains("手机", StringComparison.Ordinal))
        {
            return ColumnField.Phone;
        }

        if (c.Contains("邮箱", StringComparison.Ordinal) || c.Contains("邮件", StringComparison.Ordinal) || c.Contains("mail", StringComparison.Ordinal))
        {
            return ColumnField.Email;
        }

        return c is "序号" or "备注" ? ColumnField.Ignored : null;
    }

    /// <summary>A <c>姓名：孙立群</c> pair inside a value cell.</summary>
    public static (ColumnField Field, string? Value)? InlinePair(string cellText)
    {
        var text = cellText.Trim();
        var colon = text.IndexOfAny([':', '：']);
        if (colon <= 0 || colon > 12)
        {
            return null;
        }

        var field = Column(text[..colon]);
        return field is null or ColumnField.Ignored ? null : (field.Value, FormText.Value(text[(colon + 1)..]));
    }

    /// <summary>Whether a piece of text carries the form's own structure (used to decide whether a nested table is
    /// a block of the form or just a value laid out as a table).</summary>
    public static bool HasFormLabel(string text) =>
        text.Split('\n').Any(line => Match(line) is not null) || IndicatorNames.Find(text) is not null;
}
