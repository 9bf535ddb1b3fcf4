using CaseIngest.Search.Duplicates;
using CaseIngest.Search.Tests.Corpus;

namespace CaseIngest.Search.Tests.Duplicates;

/// <summary>The pair filter never turns away a term its text holds, and turns away most of those it lacks.</summary>
public sealed class CharacterPairFilterTests
{
    private static readonly List<string> s_reports =
        CorpusRecords.All.Select(r => r.Report?.Text).OfType<string>().Where(t => t.Length > 3000).Distinct().ToList();

    [Fact]
    public void MayHold_EveryPieceOfTheText_True()
    {
        var text = s_reports[0];
        var filter = new CharacterPairFilter(text);

        for (var length = 1; length <= 4; length++)
        {
            for (var start = 0; start + length <= text.Length; start += 7)
            {
                Assert.True(filter.MayHold(text.Substring(start, length)), $"“{text.Substring(start, length)}” is in the text");
            }
        }
    }

    [Fact]
    public void MayHold_BigramsOfAnotherReportTheTextLacks_MostlyFalse()
    {
        var text = s_reports[0];
        var filter = new CharacterPairFilter(text);
        var absent = Enumerable.Range(0, s_reports[1].Length - 1).Select(i => s_reports[1].Substring(i, 2))
            .Distinct(StringComparer.Ordinal).Where(b => !text.Contains(b, StringComparison.Ordinal)).ToList();

        var turnedAway = absent.Count(b => !filter.MayHold(b));

        Assert.True(absent.Count > 200, $"{absent.Count} bigrams of the second report are not in the first");
        Assert.InRange(turnedAway / (double)absent.Count, 0.8, 1.0);
    }

    [Fact]
    public void MayHold_ASingleCharacterOrAnEmptyTerm_True()
    {
        var filter = new CharacterPairFilter("智慧企业");

        Assert.True(filter.MayHold("厂"));
        Assert.True(filter.MayHold(""));
        Assert.False(filter.MayHold("工厂"));
    }
}
