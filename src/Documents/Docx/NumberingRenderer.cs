using System.Globalization;
using System.Text;
using System.Xml.Linq;
using static CaseIngest.Documents.Docx.WordXml;

namespace CaseIngest.Documents.Docx;

/// <summary>
/// Renders Word's automatic numbering (numPr → num → abstractNum level's lvlText and numFmt) as the reader sees it,
/// so 一、 or （一） produced by a list counts toward 字数 and tells the heading level. Counters follow the document
/// order per abstract numbering, deeper levels restart when a shallower one advances, startOverride restarts a list.
/// </summary>
internal sealed class NumberingRenderer
{
    private const int Levels = 9;

    private readonly NumberingDefinitions _definitions;
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly HashSet<int> _overridesApplied = [];

    /// <param name="definitions">The document's lists (<see cref="NumberingDefinitions.None"/> when it has none).</param>
    public NumberingRenderer(NumberingDefinitions definitions)
    {
        _definitions = definitions;
    }

    /// <summary>Advances the list and returns the number text of this paragraph ("" for bullets and unknown lists).</summary>
    public string Next(int numId, int level)
    {
        if (level is < 0 or >= Levels || !_definitions.TryGet(numId, out var instance, out var abstractId, out var abstractNum))
        {
            return "";
        }

        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            counters = new int[Levels];
            Array.Fill(counters, -1);
            _counters[abstractId] = counters;
        }

        if (_overridesApplied.Add(numId))
        {
            foreach (var levelOverride in instance.Elements(W + "lvlOverride"))
            {
                if (Int(levelOverride.Attr("ilvl")) is int overridden and >= 0 and < Levels &&
                    Int(levelOverride.Child("startOverride").Val()) is int start)
                {
                    counters[overridden] = start - 1;
                }
            }
        }

        var definitions = new XElement?[Levels];
        foreach (var l in abstractNum.Elements(W + "lvl"))
        {
            if (Int(l.Attr("ilvl")) is int index and >= 0 and < Levels)
            {
                definitions[index] = l;
            }
        }

        // A level override may carry a whole level definition.
        foreach (var levelOverride in instance.Elements(W + "lvlOverride"))
        {
            if (Int(levelOverride.Attr("ilvl")) is int index and >= 0 and < Levels && levelOverride.Child("lvl") is { } replaced)
            {
                definitions[index] = replaced;
            }
        }

        counters[level] = counters[level] < 0 ? StartOf(definitions[level]) : counters[level] + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            counters[deeper] = -1;
        }

        var definition = definitions[level];
        var format = definition.Child("numFmt").Val() ?? "decimal";
        var pattern = definition.Child("lvlText").Val();
        if (definition is null || format is "bullet" or "none" || string.IsNullOrEmpty(pattern))
        {
            return "";
        }

        var legal = OnOff(definition.Child("isLgl")) == true;
        var text = new StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[i + 1] - '1';
                var value = counters[referenced] < 0 ? StartOf(definitions[referenced]) : counters[referenced];
                var referencedFormat = referenced == level ? format : definitions[referenced].Child("numFmt").Val() ?? "decimal";
                text.Append(Format(value, legal ? "decimal" : referencedFormat));
                i++;
            }
            else
            {
                text.Append(pattern[i]);
            }
        }

        return text.ToString();
    }

    private static int StartOf(XElement? level) => Int(level.Child("start").Val()) ?? 1;

    internal static string Format(int value, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            or "ideographDigital" => ChineseCounting(value),
        "chineseLegalSimplified" => ChineseLegal(value),
        "ideographTraditional" => Cycle(value, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => Cycle(value, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when value is >= 1 and <= 20 => ((char)('①' + value - 1)).ToString(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "upperLetter" => Letters(value, 'A'),
        "lowerLetter" => Letters(value, 'a'),
        "upperRoman" => Roman(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string ChineseCounting(int value)
    {
        const string digits = "〇一二三四五六七八九";
        if (value is < 0 or > 999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return digits[value].ToString();
        }

        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var ones = value % 10;
        var text = new StringBuilder();
        if (hundreds > 0)
        {
            text.Append(digits[hundreds]).Append('百');
            if (tens == 0 && ones > 0)
            {
                text.Append('〇');
            }
        }

        if (tens > 0)
        {
            if (!(tens == 1 && hundreds == 0))
            {
                text.Append(digits[tens]);
            }

            text.Append('十');
        }

        if (ones > 0)
        {
            text.Append(digits[ones]);
        }

        return text.ToString();
    }

    private static string ChineseLegal(int value) =>
        string.Concat(ChineseCounting(value).Select(c => "〇一二三四五六七八九十百".IndexOf(c) is var i and >= 0 ? "零壹贰叁肆伍陆柒捌玖拾佰"[i] : c));

    private static string Cycle(int value, string symbols) => value >= 1 ? symbols[(value - 1) % symbols.Length].ToString() : "";

    private static string Letters(int value, char first) =>
        value >= 1 ? new string((char)(first + (value - 1) % 26), (value - 1) / 26 + 1) : "";

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        foreach (var (amount, symbol) in (ReadOnlySpan<(int, string)>)[(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")])
        {
            while (value >= amount)
            {
                text.Append(symbol);
                value -= amount;
            }
        }

        return text.ToString();
    }
}
