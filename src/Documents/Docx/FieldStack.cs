using System.Text;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// The complex fields open at a point of a story (<c>w:fldChar</c> begin … separate … end, possibly over many
/// paragraphs, possibly nested): text shows only where every open field is in its result part, so instructions and
/// the results of fields nested inside an instruction stay out. A checkbox form field hides its result (its box is
/// the text).
/// </summary>
internal sealed class FieldStack
{
    // Deeper nesting is a damaged or hostile file; further begins are ignored rather than grown without bound.
    private const int MaxDepth = 64;

    private readonly Stack<Frame> _open = new();

    // Asked for every piece of text: most text is in no field, and LINQ over the stack would allocate for each.
    public bool Visible => _open.Count == 0 || _open.All(f => f.InResult && !f.HidesResult);

    /// <summary>Some open field is a TOC field.</summary>
    public bool InTableOfContents => _open.Count > 0 && _open.Any(f => f.IsToc);

    public void Begin(bool hidesResult)
    {
        if (_open.Count < MaxDepth)
        {
            _open.Push(new Frame { HidesResult = hidesResult });
        }
    }

    /// <summary>Adds instruction text to the innermost field; true when that makes it a TOC field.</summary>
    public bool AddInstruction(string text)
    {
        if (_open.Count == 0 || _open.Peek() is not { InResult: false } frame)
        {
            return false;
        }

        frame.Instruction.Append(text);
        if (frame.IsToc || !IsToc(frame.Instruction.ToString()))
        {
            return false;
        }

        frame.IsToc = true;
        return true;
    }

    public void Separate()
    {
        if (_open.Count > 0)
        {
            _open.Peek().InResult = true;
        }
    }

    public void End()
    {
        if (_open.Count > 0)
        {
            _open.Pop();
        }
    }

    public static bool IsToc(string? instruction) => instruction?.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase) == true;

    private sealed class Frame
    {
        public StringBuilder Instruction { get; } = new();
        public bool InResult { get; set; }
        public bool HidesResult { get; init; }
        public bool IsToc { get; set; }
    }
}
