using CaseIngest.Ocr.Engines;

namespace CaseIngest.Plugins.OcrStamps.Layout;

/// <summary>
/// Where the 申报单位 and 推荐单位 blocks are on a page, from the OCR'd labels (申报单位意见, 申报单位盖章, 推荐单位意见,
/// 推荐单位盖章): a block runs from its first label down to the next block's first label (or the page's end).
/// </summary>
internal sealed class BlockLayout
{
    private readonly Dictionary<SignatureBlock, int> _tops = [];
    private readonly Dictionary<SignatureBlock, OcrLine> _sealLabels = [];
    private readonly int _pageHeight;

    private BlockLayout(int pageHeight) => _pageHeight = pageHeight;

    public static BlockLayout From(IReadOnlyList<OcrLine> lines, int pageHeight)
    {
        var layout = new BlockLayout(pageHeight);
        foreach (var line in lines)
        {
            var text = Compact(line.Text);
            if (LabelKind(text) is not { } label)
            {
                continue;
            }

            var (block, isSealLabel) = label;
            // The seal label sits near the block's foot; reach up to where its opinion would start when that label was not read.
            var top = isSealLabel ? line.Box.Top - pageHeight / 8 : line.Box.Top;
            if (!layout._tops.TryGetValue(block, out var known) || top < known)
            {
                layout._tops[block] = Math.Max(0, top);
            }

            if (isSealLabel)
            {
                layout._sealLabels[block] = line;
            }
        }

        // When the applicant's block extends past the recommender's start (a guessed top), the recommender's start wins.
        return layout;
    }

    public bool Found(SignatureBlock block) => _tops.ContainsKey(block);

    public OcrLine? SealLabel(SignatureBlock block) => _sealLabels.GetValueOrDefault(block);

    /// <summary>The block that holds a point at height <paramref name="y"/>, or null above both blocks.</summary>
    public SignatureBlock? BlockAt(double y)
    {
        SignatureBlock? found = null;
        var foundTop = int.MinValue;
        foreach (var (block, top) in _tops)
        {
            if (y >= top && top > foundTop)
            {
                found = block;
                foundTop = top;
            }
        }

        return found;
    }

    /// <summary>The block's vertical extent, or null when its labels were not found.</summary>
    public (int Top, int Bottom)? Extent(SignatureBlock block)
    {
        if (!_tops.TryGetValue(block, out var top))
        {
            return null;
        }

        var bottom = _tops.Values.Where(t => t > top).DefaultIfEmpty(_pageHeight).Min();
        return (top, bottom);
    }

    private static (SignatureBlock Block, bool IsSealLabel)? LabelKind(string text)
    {
        var isOpinion = text.Contains("位意见", StringComparison.Ordinal) || text.Contains("单位意", StringComparison.Ordinal);
        var isSeal = text.Contains("盖章", StringComparison.Ordinal) || text.Contains("位盖", StringComparison.Ordinal);
        if (!isOpinion && !isSeal)
        {
            return null;
        }

        SignatureBlock? block = text.Contains("推荐", StringComparison.Ordinal) || text.StartsWith('推') || text.Contains("荐单", StringComparison.Ordinal)
            ? SignatureBlock.Recommender
            : text.Contains("申报", StringComparison.Ordinal) || text.StartsWith('申') || text.Contains("报单", StringComparison.Ordinal)
                ? SignatureBlock.Applicant
                : null;
        return block is { } b ? (b, isSeal && !isOpinion) : null;
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
