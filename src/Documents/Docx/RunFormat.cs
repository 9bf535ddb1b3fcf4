namespace CaseIngest.Documents.Docx;

/// <summary>A run's formatting resolved the way Word resolves it (document defaults, paragraph style chain, character
/// style, direct formatting); while resolving, a null member is "not set at this layer".</summary>
/// <param name="EastAsiaFont">The font of Chinese text (<c>w:eastAsia</c>, through the theme when a style names a theme font).</param>
/// <param name="LatinFont">The font of Latin text (<c>w:ascii</c>, else <c>w:hAnsi</c>).</param>
/// <param name="SizePt">Points (Word's default 10 when nothing sets it).</param>
/// <param name="Bold">Bold (<c>w:b</c>).</param>
/// <param name="Hidden">Hidden text (<c>w:vanish</c>): never part of the visible text.</param>
public readonly record struct RunFormat(string? EastAsiaFont, string? LatinFont, double? SizePt, bool? Bold, bool? Hidden)
{
    /// <summary>This layer over <paramref name="below"/>: what this layer sets wins.</summary>
    public RunFormat Over(RunFormat below) => new(
        EastAsiaFont ?? below.EastAsiaFont, LatinFont ?? below.LatinFont, SizePt ?? below.SizePt, Bold ?? below.Bold, Hidden ?? below.Hidden);
}
