using CaseIngest.Abstractions.Records;

namespace CaseIngest.Search.Documents;

/// <summary>Which type a case counts as, wherever a case is filtered, faceted, ranked or exported by type.</summary>
public static class EffectiveCaseType
{
    /// <summary>A reviewer's confirmed type wins (it is what people decided); then the prediction; then the single box ticked.</summary>
    public static string? Of(CaseRecord record) =>
        record.Review?.ConfirmedType
        ?? record.Classification?.Predicted
        ?? (record.Form?.DeclaredTypes is [var only] ? only : null);
}
