using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.OcrStamps.Dates;

/// <summary>
/// Reads the date written beside a seal in the forms people use: <c>2026年5月20日</c>, <c>二〇二六年五月二十日</c>,
/// <c>2026.5.20</c>, <c>2026-05-20</c> (also with slashes), tolerant of the spaces and look-alike characters OCR emits.
/// </summary>
internal static partial class StampDateParser
{
    public static DateOnly? Parse(string text)
    {
        var normal = Normalise(text);
        foreach (var match in ArabicDate().Matches(normal).Concat(SeparatedDate().Matches(normal)))
        {
            if (TryDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) is { } date)
            {
                return date;
            }
        }

        foreach (Match match in ChineseDate().Matches(normal))
        {
            var year = ChineseDigits(match.Groups["y"].Value);
            var month = ChineseNumber(match.Groups["m"].Value);
            var day = ChineseNumber(match.Groups["d"].Value);
            if (year is not null && month is not null && day is not null &&
                TryDate(year, month.Value.ToString(CultureInfo.InvariantCulture), day.Value.ToString(CultureInfo.InvariantCulture)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Whether the text is a date form left blank (年 月 日 with no figures).</summary>
    public static bool IsBlankDateForm(string text) => BlankDate().IsMatch(Normalise(text));

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                'O' or 'o' or 'Ｏ' => '0',
                'l' or 'I' or '|' => '1',
                '—' or '–' or '－' => '-',
                '。' or '·' or '．' => '.',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static DateOnly? TryDate(string year, string month, string day)
    {
        if (int.TryParse(year, CultureInfo.InvariantCulture, out var y) && int.TryParse(month, CultureInfo.InvariantCulture, out var m) &&
            int.TryParse(day, CultureInfo.InvariantCulture, out var d) && y is >= 1990 and <= 2100 && m is >= 1 and <= 12 &&
            d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        return null;
    }

    private static string? ChineseDigits(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text)
        {
            var value = ChineseDigit(c);
            if (value < 0)
            {
                return null;
            }

            digits.Append((char)('0' + value));
        }

        return digits.ToString();
    }

    private static int? ChineseNumber(string text)
    {
        // 五 = 5, 十 = 10, 十二 = 12, 二十 = 20, 二十五 = 25, 三十一 = 31
        var tenAt = text.IndexOf('十', StringComparison.Ordinal);
        if (tenAt < 0)
        {
            return text.Length == 1 && ChineseDigit(text[0]) is var single and > 0 ? single : null;
        }

        var tens = tenAt == 0 ? 1 : ChineseDigit(text[0]);
        var units = tenAt == text.Length - 1 ? 0 : ChineseDigit(text[^1]);
        return tens > 0 && units >= 0 && text.Length <= 3 ? tens * 10 + units : null;
    }

    private static int ChineseDigit(char c) => "〇一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c is '零' or '○' or '0' ? 0 : -1;

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?")]
    private static partial Regex ArabicDate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[.\-/](?<m>\d{1,2})[.\-/](?<d>\d{1,2})(?!\d)")]
    private static partial Regex SeparatedDate();

    [GeneratedRegex(@"(?<y>[〇零○0一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,3})月(?<d>[一二三四五六七八九十]{1,3})日?")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^年月日$")]
    private static partial Regex BlankDate();
}
