using CaseIngest.Search.Highlighting;

namespace CaseIngest.Search.Tests.Highlighting;

public sealed class SnippetMakerTests
{
    [Fact]
    public void Fragments_OverlappingBigrams_MarkOneWord()
    {
        var fragments = SnippetMaker.Fragments("建设供应链协同平台", [new QueryNeedle("供应链协", ["供应", "应链", "链协"])], 1, 50);

        Assert.Equal(["建设<em>供应链协</em>同平台"], fragments);
    }

    [Fact]
    public void Fragments_PartPresentWhole_MarksOnlyWholeOccurrences()
    {
        var fragments = SnippetMaker.Fragments("供应商名录；供应链平台", [new QueryNeedle("供应链", ["供应", "应链"])], 1, 50);

        Assert.Equal(["供应商名录；<em>供应链</em>平台"], fragments);
    }

    [Fact]
    public void Fragments_LongText_CutsAroundTheDensestWindowWithEllipses()
    {
        var text = new string('甲', 300) + "港口专网" + new string('乙', 300);

        var fragment = Assert.Single(SnippetMaker.Fragments(text, [new QueryNeedle("港口", [])], 2, 60));

        Assert.StartsWith("…", fragment, StringComparison.Ordinal);
        Assert.EndsWith("…", fragment, StringComparison.Ordinal);
        Assert.Contains("<em>港口</em>专网", fragment, StringComparison.Ordinal);
        Assert.True(fragment.Length < 80);
    }

    [Fact]
    public void MarkWhole_NoMatch_IsNull_AndMarkupIsEscaped()
    {
        Assert.Null(SnippetMaker.MarkWhole("零售预测", [new QueryNeedle("港口", [])]));
        Assert.Equal("&lt;i&gt;<em>ai</em>&amp;&quot;", SnippetMaker.MarkWhole("<i>ai&\"", [new QueryNeedle("AI", [])]));
    }
}
