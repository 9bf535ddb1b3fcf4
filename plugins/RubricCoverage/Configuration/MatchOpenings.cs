using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.RubricCoverage.Configuration;

/// <summary>How a signal's match can open, read from its pattern as <see cref="CompiledRubric"/> compiles it
/// (case-sensitive, no IgnorePatternWhitespace, no RightToLeft): a list of openings, each two adjacent characters, or
/// one character when what follows it is not known (<c>由.{1,20}</c>) or the match can be that character alone. Every
/// match begins with one of them, so a text holding none cannot match and its regex need not run.
/// It reads literals, groups, alternation, quantifiers, lookarounds and anchors (zero-width: what follows opens the
/// match), classes of literals and ranges, and the common escapes; when a match can open with a character it cannot
/// list (<c>.</c>, <c>\d</c>, a negated class first), can be empty, or the pattern holds a construct it does not read
/// (inline options, backreferences, subtractions…), it says nothing (null) and the signal is matched against every
/// passage.</summary>
internal static class MatchOpenings
{
    // Beyond this many pairs a piece's openings are cut to their first characters (a class of ranges followed by another).
    private const int MaxPairs = 4096;

    /// <summary>The openings of a compiled signal; null when its options change what a character matches (ignoring
    /// case, whitespace in the pattern, matching right to left), which the reading does not follow.</summary>
    public static IReadOnlyList<string>? Of(Regex regex) =>
        (regex.Options & ~(RegexOptions.CultureInvariant | RegexOptions.Compiled)) == 0 ? Of(regex.ToString()) : null;

    /// <summary>The openings, ordered and distinct, or null when the pattern cannot be read this way.</summary>
    public static IReadOnlyList<string>? Of(string pattern)
    {
        var reader = new PatternReader(pattern);
        var piece = reader.Alternation();
        if (!reader.Readable || !reader.AtEnd || piece.Nullable || piece.Singles is null || piece.Longer is null)
        {
            return null;
        }

        return [.. piece.Longer.Union(piece.Singles.Select(c => c.ToString())).Order(StringComparer.Ordinal)];
    }

    /// <summary>What a piece of pattern can match, as far as openings go. <see cref="Singles"/>: the characters it can
    /// match alone; <see cref="Longer"/>: how its matches of two characters or more open (a pair, or one character when
    /// the next is not known); <see cref="Nullable"/>: it can match empty. A null set: any character.</summary>
    private sealed record Piece(HashSet<char>? Singles, HashSet<string>? Longer, bool Nullable)
    {
        public static Piece Nothing => new([], [], Nullable: true);

        public static Piece AnyCharacter => new(null, [], Nullable: false);

        /// <summary>The characters its non-empty matches begin with; null: any.</summary>
        public HashSet<char>? First => Singles is null || Longer is null ? null : [.. Singles, .. Longer.Select(k => k[0])];

        public Piece Then(Piece next) => new(
            Union(next.Nullable ? Singles : [], Nullable ? next.Singles : []),
            Union(Union(Longer, Pairs(Singles, next.First)), Nullable ? next.Longer : []),
            Nullable && next.Nullable);

        public Piece Or(Piece other) => new(Union(Singles, other.Singles), Union(Longer, other.Longer), Nullable || other.Nullable);

        public Piece Repeated(bool optional, bool more) =>
            new(Singles, more ? Union(Longer, Pairs(Singles, First)) : Longer, Nullable || optional);

        private static HashSet<T>? Union<T>(HashSet<T>? a, HashSet<T>? b) => a is null || b is null ? null : [.. a, .. b];

        /// <summary>The openings of a character of <paramref name="firsts"/> followed by a match opening with one of
        /// <paramref name="seconds"/>.</summary>
        private static HashSet<string>? Pairs(HashSet<char>? firsts, HashSet<char>? seconds)
        {
            if (firsts is null)
            {
                return null;
            }

            if (seconds is null || (long)firsts.Count * seconds.Count > MaxPairs)
            {
                return [.. firsts.Select(c => c.ToString())];
            }

            return [.. firsts.SelectMany(a => seconds.Select(b => string.Concat(a, b)))];
        }
    }

    private sealed class PatternReader(string pattern)
    {
        private int _at;

        /// <summary>False once the reader met a construct it does not read: nothing it says then holds.</summary>
        public bool Readable { get; private set; } = true;

        public bool AtEnd => _at >= pattern.Length;

        private char? Next => _at < pattern.Length ? pattern[_at] : null;

        public Piece Alternation()
        {
            var piece = Sequence();
            while (Readable && Take('|'))
            {
                piece = piece.Or(Sequence());
            }

            return piece;
        }

        private Piece Sequence()
        {
            var piece = Piece.Nothing;
            while (Readable && !AtEnd && Next is not ('|' or ')'))
            {
                piece = piece.Then(Quantified());
            }

            return piece;
        }

        private Piece Quantified()
        {
            var atom = Atom();
            bool optional, more;
            switch (Next)
            {
                case '*':
                    (optional, more) = (true, true);
                    _at++;
                    break;
                case '+':
                    (optional, more) = (false, true);
                    _at++;
                    break;
                case '?':
                    (optional, more) = (true, false);
                    _at++;
                    break;
                case '{':
                    var counts = Counts();
                    if (counts is null)
                    {
                        return Unreadable();
                    }

                    (optional, more) = (counts.Value.Least == 0, counts.Value.Most is null or > 1);
                    break;
                default:
                    return atom;
            }

            Take('?'); // lazy: matches the same texts
            return Next is '*' or '+' or '?' or '{' ? Unreadable() : atom.Repeated(optional, more);
        }

        /// <summary>The counts of <c>{n}</c>, <c>{n,}</c> (most: null) or <c>{n,m}</c>; null when the brace is not one of them.</summary>
        private (int Least, int? Most)? Counts()
        {
            var close = pattern.IndexOf('}', _at);
            if (close < 0)
            {
                return null;
            }

            var counts = pattern.AsSpan(_at + 1, close - _at - 1);
            var comma = counts.IndexOf(',');
            var least = comma < 0 ? counts : counts[..comma];
            var most = comma < 0 ? counts : counts[(comma + 1)..];
            if (!IsNumber(least) || !int.TryParse(least, out var n) || !(most.IsEmpty || (IsNumber(most) && int.TryParse(most, out _))))
            {
                return null;
            }

            _at = close + 1;
            return (n, most.IsEmpty ? null : int.Parse(most));
        }

        private Piece Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    return Piece.AnyCharacter;
                case '^' or '$':
                    return Piece.Nothing;
                case '*' or '+' or '?' or '{':
                    return Unreadable();
                default:
                    return Literal(c);
            }
        }

        private Piece Escape()
        {
            if (AtEnd)
            {
                return Unreadable();
            }

            var c = pattern[_at++];
            if (!char.IsLetterOrDigit(c))
            {
                return Literal(c);
            }

            switch (c)
            {
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Piece.AnyCharacter;
                case 'p' or 'P':
                    return SkipCategory() ? Piece.AnyCharacter : Unreadable();
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Piece.Nothing;
                default:
                    return Unreadable();
            }
        }

        private Piece Group()
        {
            var zeroWidth = false;
            if (Take('?'))
            {
                if (Take(':'))
                {
                    // a group that does not capture
                }
                else if (Take('=') || Take('!'))
                {
                    zeroWidth = true;
                }
                else if (Take('<'))
                {
                    if (Take('=') || Take('!'))
                    {
                        zeroWidth = true;
                    }
                    else if (!SkipName('>'))
                    {
                        return Unreadable();
                    }
                }
                else if (!(Take('\'') && SkipName('\'')))
                {
                    return Unreadable();
                }
            }

            var inner = Alternation();
            if (!Take(')'))
            {
                return Unreadable();
            }

            // A lookaround consumes nothing: what follows it opens the match, and leaving its condition out only widens.
            return zeroWidth ? Piece.Nothing : inner;
        }

        private Piece Class()
        {
            var negated = Take('^');
            if (Next == ']')
            {
                return Unreadable();
            }

            var characters = new HashSet<char>();
            var listed = !negated;
            while (Readable && !AtEnd && Next != ']')
            {
                var from = ClassMember(ref listed);
                if (Next == '-' && _at + 1 < pattern.Length && pattern[_at + 1] != ']')
                {
                    _at++;
                    var to = Next == '[' ? null : ClassMember(ref listed);
                    if (from is null || to is null || to < from)
                    {
                        return Unreadable();
                    }

                    for (int x = from.Value; x <= to.Value; x++)
                    {
                        characters.Add((char)x);
                    }
                }
                else if (from is not null)
                {
                    characters.Add(from.Value);
                }
            }

            if (!Take(']'))
            {
                return Unreadable();
            }

            return listed ? new Piece(characters, [], Nullable: false) : Piece.AnyCharacter;
        }

        /// <summary>One character of a class, or null for an escaped class (<c>\d</c>, <c>\p{L}</c>…), which makes the
        /// class unlisted.</summary>
        private char? ClassMember(ref bool listed)
        {
            var c = pattern[_at++];
            if (c == '[')
            {
                Readable = false; // [:name:] or a subtraction
                return null;
            }

            if (c != '\\')
            {
                return c;
            }

            if (AtEnd)
            {
                Readable = false;
                return null;
            }

            var escaped = pattern[_at++];
            if (!char.IsLetterOrDigit(escaped))
            {
                return escaped;
            }

            if (escaped is 'd' or 'D' or 'w' or 'W' or 's' or 'S' || (escaped is 'p' or 'P' && SkipCategory()))
            {
                listed = false;
                return null;
            }

            Readable = false;
            return null;
        }

        private bool SkipCategory()
        {
            if (!Take('{'))
            {
                return false;
            }

            var close = pattern.IndexOf('}', _at);
            if (close < 0)
            {
                return false;
            }

            _at = close + 1;
            return true;
        }

        /// <summary>A capture's name up to <paramref name="end"/>: letters, digits and underscores (not a balancing group).</summary>
        private bool SkipName(char end)
        {
            var start = _at;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(pattern[_at]) || pattern[_at] == '_'))
            {
                _at++;
            }

            return _at > start && Take(end);
        }

        private Piece Unreadable()
        {
            Readable = false;
            return Piece.AnyCharacter;
        }

        private static Piece Literal(char c) => new([c], [], Nullable: false);

        private static bool IsNumber(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Take(char c)
        {
            if (Next == c)
            {
                _at++;
                return true;
            }

            return false;
        }
    }
}
