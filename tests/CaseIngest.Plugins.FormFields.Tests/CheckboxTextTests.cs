using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Parsing;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Which label a tick belongs to when the type cell's text comes from a scan, where a box can go unseen.</summary>
public sealed class CheckboxTextTests
{
    [Theory]
    [InlineData("☐业务融合创新类☐经营管理类☐新型数字基础设施类☐产品/装备创新类☑解决方案类☐其他", CaseTypes.Solution)]
    [InlineData("业务融合创新类☐经营管理类☐新型数字基础设施类☐产品/装备创新类☑解决方案类☐其他", CaseTypes.Solution)]
    [InlineData("业务融合创新类☐经营管理类☑新型数字基础设施类☐产品/装备创新类☐解决方案类☐其他☐", CaseTypes.Management)]
    [InlineData("、☐业务融合创新类☑经营管理类☐新型数字基础设施类☐产品/装备创新类☐解决方案类☐其他", CaseTypes.Management)]
    public void TickedTypes_BoxesBeforeOrAfterTheirLabels_EvenWithTheFirstBoxUnseen_TheTickedLabel_Issue17(string text, string ticked)
    {
        // GIVEN a type cell's text: boxes before their labels (one form with its first box missed by the scan's
        // checkbox finder, as D10's first □ touching its 业), or labels before their boxes, or a stray mark in the margin
        // WHEN the ticked types are read
        var types = CheckboxText.TickedTypes(text);

        // THEN the tick goes to its own label, not to the one before it
        Assert.Equal([ticked], types);
    }
}
