namespace CaseIngest.Search.Querying;

/// <summary>The relevance model both backends implement: a title match outweighs a heading match outweighs a body
/// match; a part found as a phrase scores its scattered-bigram match plus a phrase bonus; ties go to the recent edition
/// (a sort on edition after the score, not a boost, so it never overturns a real difference).</summary>
internal static class RelevanceWeights
{
    public const float Title = 8f;
    public const float Headings = 4f;
    public const float Body = 1f;

    /// <summary>How much a phrase match of a field weighs over the same field's scattered bigrams.</summary>
    public const float PhraseFactor = 3f;

    /// <summary>The share of a loose part's bigrams a document must hold to match without the phrase.</summary>
    public const int ScatteredMinimumPercent = 70;

    public static float Of(string field) => field switch
    {
        Documents.SearchFields.Title => Title,
        Documents.SearchFields.Headings => Headings,
        _ => Body,
    };

    public static int MinimumShouldMatch(int terms) => Math.Max(1, (int)Math.Ceiling(terms * ScatteredMinimumPercent / 100.0));
}
