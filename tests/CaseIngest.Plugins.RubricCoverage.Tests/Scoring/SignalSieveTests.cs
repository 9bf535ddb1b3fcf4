using System.Text.RegularExpressions;
using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Reading;
using CaseIngest.Plugins.RubricCoverage.Tests.Support;

namespace CaseIngest.Plugins.RubricCoverage.Tests.Scoring;

/// <summary>The sieve leaves a signal's regex unrun only where it cannot match: a passage holding none of the ways its
/// matches open. What the openings of a pattern are, and that no passage the regex matches is ever left out.</summary>
public sealed class SignalSieveTests
{
    public static TheoryData<string, string[]> Readable => new()
    {
        { "覆盖|涵盖|范围", ["涵盖", "范围", "覆盖"] },
        { "核心(业务|环节)|关键(?:环节|工序)", ["关键", "核心"] },
        { "(工业)?互联网平台", ["互联", "工业"] },
        { "(?<!发展|战略)规划", ["规划"] },
        { "由.{1,20}(改为|转向)", ["由"] },
        { "从.{0,12}[0-9.]+", ["从", "从.", "从0", "从1", "从2", "从3", "从4", "从5", "从6", "从7", "从8", "从9"] },
        { "岗位|岗", ["岗", "岗位"] },
        { "碳|5G", ["5G", "碳"] },
        { "[两三]个?场景", ["三个", "三场", "两个", "两场"] },
        { "^(?<lead>新)(签|增)\\b客户$", ["新增", "新签"] },
        { "a+b", ["aa", "ab"] },
        { "\\.\\d", ["."] },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void A_pattern_it_reads_opens_with_exactly_these(string pattern, string[] openings)
    {
        Assert.Equal(openings, MatchOpenings.Of(pattern));
    }

    /// <summary>Patterns whose matches can be empty, open with any character, or use what it does not read: they are
    /// matched against every passage.</summary>
    [Theory]
    [InlineData("a*")]
    [InlineData("规划|")]
    [InlineData(".{0,3}规划")]
    [InlineData("\\d+年")]
    [InlineData("[^，]规划")]
    [InlineData("(?i)ai平台")]
    [InlineData("(a)\\1")]
    [InlineData("(?<a>数)\\k<a>")]
    [InlineData("[a-z-[aeiou]]x")]
    [InlineData("(?>数据)")]
    [InlineData("\\u6570据")]
    [InlineData("(?=数据)")]
    public void A_pattern_it_cannot_read_has_no_openings(string pattern)
    {
        Assert.Null(MatchOpenings.Of(pattern));
    }

    [Fact]
    public void A_regex_whose_options_change_what_a_character_matches_has_no_openings()
    {
        Assert.Equal(["案例"], MatchOpenings.Of(new Regex("案例", RegexOptions.CultureInvariant | RegexOptions.Compiled)));
        Assert.Null(MatchOpenings.Of(new Regex("ab", RegexOptions.IgnoreCase)));
        Assert.Null(MatchOpenings.Of(new Regex("a b", RegexOptions.IgnorePatternWhitespace)));
    }

    [Fact]
    public void No_passage_a_signal_matches_is_sifted_out_of_it()
    {
        var reports = LabelledReport.All.Select(r => r.Report).Append(GeneratedReport.Build()).ToList();
        var rubric = Coverage.Rubric;
        var signals = rubric.Points.SelectMany(p => p.Signals).ToList();
        Assert.All(signals, s => Assert.NotNull(s.Openings)); // every signal of edition-8 is sifted
        var (pairs, candidates, matches) = (0, 0, 0);
        foreach (var report in reports)
        {
            var passages = ReportPassages.Read(report, rubric.Rubric);
            var sifted = rubric.Sieve.Sift(passages);
            for (var i = 0; i < passages.Count; i++)
            {
                foreach (var signal in signals)
                {
                    var canMatch = sifted.CanMatch(i, signal);
                    var matched = signal.Pattern.IsMatch(passages[i].ScoredText);
                    Assert.False(matched && !canMatch, $"'{signal.Pattern}' matches passage {passages[i].Paragraph} but was sifted out");
                    (pairs, candidates, matches) = (pairs + 1, candidates + (canMatch ? 1 : 0), matches + (matched ? 1 : 0));
                }
            }
        }

        // The sieve must leave most pairs out, or it is not worth its cost.
        Assert.True(candidates < pairs / 5, $"{candidates} of {pairs} pairs left to the regex ({matches} match)");
    }

    /// <summary>Texts made of the patterns' own pieces, shuffled, so that near misses (one character of an opening, an
    /// opening across the heading's line break) come up often.</summary>
    [Fact]
    public void No_text_made_of_the_patterns_own_characters_is_sifted_out_of_a_signal_it_matches()
    {
        var rubric = Coverage.Rubric;
        var signals = rubric.Points.SelectMany(p => p.Signals).ToList();
        var alphabet = string.Concat(signals.Select(s => Regex.Replace(s.Pattern.ToString(), @"[\\()|?*+.{}\[\]<!:,-]", ""))) + "0123456789年月\n";
        var random = new Random(20);
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var heading = round % 3 == 0 ? null : new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var passage = new ReportPassage(0, text, null, heading, null);
            var sifted = rubric.Sieve.Sift([passage]);
            Assert.All(signals, s => Assert.False(s.Pattern.IsMatch(passage.ScoredText) && !sifted.CanMatch(0, s),
                $"'{s.Pattern}' matches '{passage.ScoredText}' but was sifted out"));
        }
    }
}
