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
        var fragments = SnippetMaker.Fragments("供应商名录，供应链平台", [new QueryNeedle("供应链", ["供应", "应链"])], 1, 50);

        Assert.Equal(["供应商名录，<em>供应链</em>平台"], fragments);
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
    public void Fragments_Sentences_StartAtTheSentenceAndDensestComeFirst()
    {
        var text = "公司成立于2001年。我们建设了港口专网，港口调度由此提速！另有港口一处；其余无关。";

        var fragments = SnippetMaker.Fragments(text, [new QueryNeedle("港口", [])], 3, 120);

        Assert.Equal(["我们建设了<em>港口</em>专网，<em>港口</em>调度由此提速！", "另有<em>港口</em>一处；"], fragments);
    }

    [Fact]
    public void Fragments_LongSentence_CutsAtAClauseNotInsideAWordWithOneEllipsis()
    {
        var text = "在前期建设中，依托MES系统" + new string('甲', 80) + "，推动5G专网覆盖全厂，" + new string('乙', 80) + "……最终完成。";

        var fragment = Assert.Single(SnippetMaker.Fragments(text, [new QueryNeedle("专网", [])], 1, 60));

        Assert.StartsWith("…推动5G<em>专网</em>", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("……", fragment.Replace("……最终", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("…", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_TextsOwnEllipsisAtTheCut_IsNotDoubled()
    {
        var text = "前文" + new string('甲', 100) + "……智能排产上线" + new string('乙', 100) + "。";

        var fragment = Assert.Single(SnippetMaker.Fragments(text, [new QueryNeedle("排产", [])], 1, 40));

        Assert.DoesNotContain("………", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("…………", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_TitleAndTableOfContents_AreNoSnippets()
    {
        var text = "港口专网建设\n目　录\n一、港口概况\t3\nTOC \\o \"1-3\" 港口\n一、港口概况\n港口位于长江口。";

        var fragments = SnippetMaker.Fragments(text, [new QueryNeedle("港口", [])], 5, 120, ["港口专网建设"]);

        Assert.Equal(["一、<em>港口</em>概况", "<em>港口</em>位于长江口。"], fragments);
    }

    [Fact]
    public void MarkWhole_NoMatch_IsNull_AndMarkupIsEscaped()
    {
        Assert.Null(SnippetMaker.MarkWhole("零售预测", [new QueryNeedle("港口", [])]));
        Assert.Equal("&lt;i&gt;<em>ai</em>&amp;&quot;", SnippetMaker.MarkWhole("<i>ai&\"", [new QueryNeedle("AI", [])]));
    }
}
