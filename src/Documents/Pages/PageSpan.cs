using System.Globalization;

namespace CaseIngest.Documents.Pages;

/// <summary>The pages of a file to render, from <see cref="First"/> to <see cref="Last"/> (both counted from 1, both
/// included); a span past the file's last page renders the pages there are.</summary>
public readonly record struct PageSpan
{
    public PageSpan(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    /// <summary>The first <paramref name="count"/> pages.</summary>
    public static PageSpan FirstPages(int count) => new(1, count);

    /// <summary>One page.</summary>
    public static PageSpan Page(int number) => new(number, number);

    public bool Contains(int number) => number >= First && number <= Last;

    public override string ToString() => First == Last
        ? string.Create(CultureInfo.InvariantCulture, $"page {First}")
        : string.Create(CultureInfo.InvariantCulture, $"pages {First}-{Last}");
}
