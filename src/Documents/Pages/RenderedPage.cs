namespace CaseIngest.Documents.Pages;

/// <summary>One page of a file as an image: its number in the file (from 1), the PNG written and its size in pixels.
/// <see cref="Path"/> is null when the page was refused because it has more pixels than the rasteriser allows (its
/// size says why), so a caller can report that page and go on with the others.</summary>
public sealed record RenderedPage(int Number, string? Path, int Width, int Height)
{
    public bool IsRendered => Path is not null;
}
