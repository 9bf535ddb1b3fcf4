using System.Reflection;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Pages;

namespace CaseIngest.Web.Tests.Unit;

/// <summary>The case page's trail names every audit action in Chinese — among them the clearing of a decision on a
/// finding that no longer holds, whose decision the row keeps — never a raw action code.</summary>
public sealed class AuditActionLabelsTests
{
    public static TheoryData<string> Actions() =>
        [.. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Actions))]
    public void EveryAuditAction_HasAChineseName(string action)
    {
        var label = ReviewLabels.Action(action);

        Assert.NotEqual(action, label);
        Assert.Contains(label, c => c is >= '\u4e00' and <= '\u9fff');
    }

    [Fact]
    public void AnUnknownAction_IsShownAsWritten() => Assert.Equal("something.new", ReviewLabels.Action("something.new"));
}
