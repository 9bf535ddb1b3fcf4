using System.Text;
using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.FormFields.Layout;

/// <summary>How the lines of a cell join, whatever read them (a text PDF's letters, a scan's OCR): Word wraps a value
/// at the cell's edge, and also after a hyphen or inside an address, so such a line continues without a break.</summary>
internal static partial class CellLines
{
    /// <summary>Whether text ending so is cut at a place Word breaks lines (0551-|65862317, name@|example.com).</summary>
    public static bool EndsAtBreak(string lineEnd) => lineEnd is "-" or "@" or "." or "_" or "/";

    /// <summary>Whether <paramref name="next"/> continues the last word of <paramref name="text"/> into one e-mail
    /// address or phone number: one value, wherever the writer chose to break it.</summary>
    public static bool ContinuesToken(StringBuilder text, string next)
    {
        var end = text.Length;
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var head = text.ToString(start, end - start);
        var tail = next.TrimStart().Split(' ', 2)[0];
        var joined = head + tail;
        return head.Length > 0 && tail.Length > 0 && (EmailLike().IsMatch(joined) || PhoneLike().IsMatch(joined));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+$")]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"^[0-9()+\-]{7,}$")]
    private static partial Regex PhoneLike();
}
