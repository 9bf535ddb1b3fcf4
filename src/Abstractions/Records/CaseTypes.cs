namespace CaseIngest.Abstractions.Records;

/// <summary>The six labels of the form's 案例类型 boxes, in the form's order.</summary>
public static class CaseTypes
{
    /// <summary>人工智能+业务融合创新类.</summary>
    public const string BusinessIntegration = "业务融合创新类";
    /// <summary>人工智能+经营管理类.</summary>
    public const string Management = "经营管理类";
    /// <summary>新型数字基础设施(建设)类.</summary>
    public const string DigitalInfrastructure = "新型数字基础设施类";
    /// <summary>人工智能+产品/装备创新类.</summary>
    public const string ProductEquipment = "产品/装备创新类";
    /// <summary>“人工智能+”解决方案类.</summary>
    public const string Solution = "解决方案类";
    /// <summary>其他.</summary>
    public const string Other = "其他";

    /// <summary>All six, in the form's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [BusinessIntegration, Management, DigitalInfrastructure, ProductEquipment, Solution, Other];

    /// <summary>Maps a label as written anywhere (the notice's 新型数字基础设施建设类, a 人工智能+ prefix) to the form's label, or null.</summary>
    public static string? Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = label.Replace("“", "").Replace("”", "").Replace("\"", "").Replace("人工智能+", "").Replace(" ", "").Trim();
        if (text.Contains("基础设施"))
        {
            return DigitalInfrastructure;
        }

        return All.FirstOrDefault(t => text.Contains(t.TrimEnd('类')));
    }
}
