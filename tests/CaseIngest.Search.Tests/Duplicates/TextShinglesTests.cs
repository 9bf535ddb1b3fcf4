using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Tests.Corpus;

namespace CaseIngest.Search.Tests.Duplicates;

/// <summary>The 5-gram sets as sorted arrays (the merge must count what a set intersection counts) and their sketches.</summary>
public sealed class TextShinglesTests
{
    [Fact]
    public void EstimateJaccardWith_CorpusReports_WithinAFewStandardErrorsOfTheExactFigure()
    {
        var texts = CorpusRecords.All.Select(r => r.Report?.Text).OfType<string>().Take(8).Select(TextShingles.Of).ToList();
        foreach (var a in texts)
        {
            foreach (var b in texts)
            {
                Assert.InRange(a.EstimateJaccardWith(b) - a.JaccardWith(b), -0.15, 0.15);
            }
        }
    }

    [Fact]
    public void JaccardIfNear_ACopyAndAnEditedCopy_Exact_AnUnrelatedText_Zero()
    {
        var reports = CorpusRecords.All.Select(r => r.Report?.Text).OfType<string>().Where(t => t.Length > 3000).Distinct().ToList();
        var text = TextShingles.Of(reports[0]);
        // A tenth of the text rewritten: still well above the 0.8 threshold's neighbourhood, counted exactly.
        var edited = TextShingles.Of(reports[0][..(reports[0].Length * 9 / 10)] + reports[1][..(reports[0].Length / 10)]);
        var unrelated = TextShingles.Of(reports[1]);

        Assert.Equal(1.0, text.JaccardIfNear(TextShingles.Of(reports[0]), 0.8));
        Assert.Equal(text.JaccardWith(edited), text.JaccardIfNear(edited, 0.8));
        Assert.InRange(text.JaccardIfNear(edited, 0.8), 0.7, 0.95);
        Assert.True(text.JaccardWith(unrelated) > 0, "two corpus reports share some 5-grams");
        Assert.Equal(0, text.JaccardIfNear(unrelated, 0.8));
    }

    [Fact]
    public void JaccardWith_OneGramChanged_SharesTwoOfFour()
    {
        // abcdefg → abcde bcdef cdefg; abcdefh → abcde bcdef cdefh: 2 shared of 4 distinct.
        Assert.Equal(0.5, TextShingles.Of("abcdefg").JaccardWith(TextShingles.Of("abcdefh")), 6);
    }

    [Fact]
    public void JaccardWith_RepeatedGrams_CountedOnce()
    {
        // Seven a's hold the gram aaaaa three times; as a set it is the one gram of five a's.
        Assert.Equal(1.0, TextShingles.Of("aaaaaaa").JaccardWith(TextShingles.Of("aaaaa")), 6);
    }

    [Fact]
    public void JaccardWith_PunctuationAndCaseIgnored_DisjointTextsZero()
    {
        Assert.Equal(1.0, TextShingles.Of("智能制造，数字化转型。").JaccardWith(TextShingles.Of("智能制造 数字化转型")), 6);
        Assert.Equal(1.0, TextShingles.Of("ABCDEF").JaccardWith(TextShingles.Of("abc-def")), 6);
        Assert.Equal(0.0, TextShingles.Of("智能制造数字化").JaccardWith(TextShingles.Of("供应链协同平台")), 6);
    }

    [Fact]
    public void JaccardWith_IsSymmetric_AndLengthCountsLettersOnly()
    {
        var a = TextShingles.Of("企业以工业互联网平台为底座，打通研发、生产、供应链数据。");
        var b = TextShingles.Of("企业以工业互联网平台为底座，打通研发与生产数据。");
        Assert.Equal(a.JaccardWith(b), b.JaccardWith(a), 12);
        Assert.InRange(a.JaccardWith(b), 0.3, 0.9);
        Assert.Equal(10, TextShingles.Of("ab, cd. ef! gh? ij").Length);
    }
}
