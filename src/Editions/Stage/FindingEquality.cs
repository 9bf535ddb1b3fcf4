using CaseIngest.Abstractions.Records;

namespace CaseIngest.Editions.Stage;

/// <summary>Two findings say the same, field by field: what decides whether the stage rewrites a record.</summary>
internal sealed class FindingEquality : IEqualityComparer<Finding>
{
    public static FindingEquality Instance { get; } = new();

    public static bool SameList(IReadOnlyList<Finding> left, IReadOnlyList<Finding> right) => left.SequenceEqual(right, Instance);

    public bool Equals(Finding? x, Finding? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x.Code == y.Code && x.Severity == y.Severity && x.Message == y.Message && x.Evidence == y.Evidence
            && x.Measured.Equals(y.Measured) && x.Limit.Equals(y.Limit) && x.Plugin == y.Plugin && x.RuleSet == y.RuleSet
            && SameLocation(x.Location, y.Location)
            && (x.Related ?? []).SequenceEqual(y.Related ?? [], StringComparer.Ordinal));

    public int GetHashCode(Finding obj) => HashCode.Combine(obj.Code, obj.Evidence, obj.Message);

    private static bool SameLocation(FindingLocation? x, FindingLocation? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null && x.File == y.File && x.Section == y.Section && x.Paragraph == y.Paragraph && x.Page == y.Page);
}
