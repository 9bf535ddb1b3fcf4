using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace CaseIngest.Search.Lucene;

/// <summary>Chinese text as CJK bigrams. The index side also keeps every single character, so one-character queries
/// (厂, 网) find something; the query side makes bigrams only (a lone character stays a unigram), so a two-or-more
/// character term is matched by its bigrams at consecutive positions, as a phrase, or scattered.</summary>
internal sealed class ChineseAnalyzer(bool outputUnigrams) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static ChineseAnalyzer ForIndexing() => new(outputUnigrams: true);

    public static ChineseAnalyzer ForQueries() => new(outputUnigrams: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams);
        return new TokenStreamComponents(source, stream);
    }
}
