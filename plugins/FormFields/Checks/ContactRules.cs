using System.Text.RegularExpressions;
using CaseIngest.Plugins.FormFields.Parsing;

namespace CaseIngest.Plugins.FormFields.Checks;

/// <summary>Whether a phone number or e-mail address can be right (not whether it is).</summary>
internal static partial class ContactRules
{
    /// <summary>Mainland mobiles (1[3-9] + 9 digits), landlines with area code (0 + 9–11 digits), local numbers
    /// (7–8 digits), 400/800 numbers; +86, separators and an extension (转 123) allowed; several numbers split by / 、 ,.</summary>
    public static bool IsPlausiblePhone(string phone) =>
        NumberSeparators().Split(FormText.Normalize(phone)).Where(p => p.Trim().Length > 0).ToList() is { Count: > 0 } numbers
        && numbers.All(IsPlausibleSingleNumber);

    public static bool IsPlausibleEmail(string email) => Email().IsMatch(email.Trim());

    private static bool IsPlausibleSingleNumber(string number)
    {
        var main = Extension().Replace(number, "");
        var digits = PhoneFiller().Replace(main, "");
        if (!Digits().IsMatch(digits))
        {
            return false;
        }

        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
        {
            digits = digits[2..];
        }

        return Mobile().IsMatch(digits) || Landline().IsMatch(digits) || Local().IsMatch(digits) || Service().IsMatch(digits);
    }

    [GeneratedRegex(@"[/、,;，；]|\s{2,}")]
    private static partial Regex NumberSeparators();

    [GeneratedRegex(@"(转|分机|ext\.?|x)\s*\d{1,6}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"[\s\-()（）+—]")]
    private static partial Regex PhoneFiller();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9]\d{8,10}$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[2-9]\d{6,7}$")]
    private static partial Regex Local();

    [GeneratedRegex(@"^[48]00\d{7}$")]
    private static partial Regex Service();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex Email();
}
