namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>The adjacent character pairs of a heading or a point's name: Chinese has no spaces, and two characters
/// are the shortest unit that carries a word (岗位, 职责, 实例). Leading numbering (3. （二）) is dropped, and no pair spans
/// a quotation mark or a joining word (与 和 的 及 中 之 、 ，), which link words rather than form them.</summary>
internal static class CharacterPairs
{
    private const string Numbering = "0123456789一二三四五六七八九十（）()、.．";
    private const string Joints = "“”\"、，与和的及中之";

    public static HashSet<CharacterPair> Of(string words)
    {
        var start = 0;
        while (start < words.Length && (Numbering.Contains(words[start], StringComparison.Ordinal) || char.IsWhiteSpace(words[start])))
        {
            start++;
        }

        var pairs = new HashSet<CharacterPair>();
        for (var i = start; i + 1 < words.Length; i++)
        {
            if (!Joints.Contains(words[i], StringComparison.Ordinal) && !Joints.Contains(words[i + 1], StringComparison.Ordinal))
            {
                pairs.Add(new CharacterPair(words[i], words[i + 1]));
            }
        }

        return pairs;
    }
}

/// <summary>Two adjacent characters (a value, not a substring: a heading's pairs are taken once per report).</summary>
internal readonly record struct CharacterPair(char First, char Second);
