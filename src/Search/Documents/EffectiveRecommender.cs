using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Documents;

/// <summary>Which recommender a case counts under, wherever cases are faceted, filtered or counted by recommender.</summary>
public static class EffectiveRecommender
{
    /// <summary>The registry's name for it (recommenderNormalized, set by the edition stage), else the name as the
    /// submission system or the form wrote it.</summary>
    public static string? Of(CaseRecord record) =>
        record.RecommenderNormalized ?? record.Recommender ?? record.Form?.Recommender;
}
