using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Tests.Corpus;

namespace CaseIngest.Search.Tests.Duplicates;

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
}
