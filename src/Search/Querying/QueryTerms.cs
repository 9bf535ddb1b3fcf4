using CaseIngest.Search.Documents;
using CaseIngest.Search.Highlighting;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CaseIngest.Search.Querying;

/// <summary>The query text through the query analyser: each part's terms with their positions (what the Lucene query is
/// built from), and the needles the snippet maker marks — the same for both backends, so snippets read the same.</summary>
internal sealed class QueryTerms(Analyzer queryAnalyzer)
{
    /// <summary>Each part of the text with its terms; parts without any term (punctuation alone) are left out.</summary>
    public IReadOnlyList<(QueryPart Part, IReadOnlyList<(string Term, int Position)> Tokens)> Parts(string? text) =>
        QueryText.Parse(text).Select(p => (Part: p, Tokens: (IReadOnlyList<(string Term, int Position)>)Analyze(p.Text)))
            .Where(p => p.Tokens.Count > 0).ToList();

    /// <summary>What to mark for the text: a part as typed, else (unless quoted) its distinct terms.</summary>
    public IReadOnlyList<QueryNeedle> Needles(string? text) => Parts(text).Select(p => NeedleOf(p.Part, p.Tokens)).ToList();

    public static QueryNeedle NeedleOf(QueryPart part, IReadOnlyList<(string Term, int Position)> tokens) =>
        new(part.Text, part.IsQuoted ? [] : Distinct(tokens));

    public static IReadOnlyList<string> Distinct(IReadOnlyList<(string Term, int Position)> tokens) =>
        tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();

    private List<(string Term, int Position)> Analyze(string text)
    {
        var tokens = new List<(string Term, int Position)>();
        using var stream = queryAnalyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }
}
