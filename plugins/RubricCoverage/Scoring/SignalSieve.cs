using CaseIngest.Plugins.RubricCoverage.Configuration;
using CaseIngest.Plugins.RubricCoverage.Reading;

namespace CaseIngest.Plugins.RubricCoverage.Scoring;

/// <summary>Which of a rubric's signals can match a passage, told from the characters it holds: a signal can match only
/// a passage holding one of its <see cref="CompiledSignal.Openings"/> (two adjacent characters, or one). On the 44
/// corpus reports (24 packages, 20 labelled texts) it leaves 15.3 % of the 225,120 signal × passage pairs to the regex
/// (4.8 % match); running every signal's regex on every passage took 0.51–0.57 ms per report, on the pairs left
/// 0.22–0.24 ms, and the sifting 0.06–0.07 ms (Release, 2 cores under load 4–6). One per rubric, read-only.</summary>
internal sealed class SignalSieve
{
    private readonly int _words;

    // Per UTF-16 character, the set of signals opening with it alone (index in _sets; 0: none).
    private readonly int[] _byCharacter = new int[char.MaxValue + 1];

    // Per UTF-16 character, whether it is the first, or the second, of some signal's opening pair (then _byPair says
    // which signals): most characters of a passage are neither, and are not looked up.
    private readonly bool[] _opensPair = new bool[char.MaxValue + 1];
    private readonly bool[] _closesPair = new bool[char.MaxValue + 1];
    private readonly Dictionary<int, int> _byPair = [];

    // The distinct sets of signals, _words bits each, one after another; the first is empty.
    private readonly ulong[] _sets;

    // The signals whose openings are not known: they may match any passage.
    private readonly ulong[] _unsifted;

    /// <param name="signals">Every signal of the rubric, each at its <see cref="CompiledSignal.Ordinal"/>.</param>
    public SignalSieve(IReadOnlyList<CompiledSignal> signals)
    {
        _words = Math.Max(1, (signals.Count + 63) / 64);
        _unsifted = new ulong[_words];
        var byCharacter = new Dictionary<char, ulong[]>();
        var byPair = new Dictionary<int, ulong[]>();
        foreach (var signal in signals)
        {
            if (signal.Openings is null)
            {
                Add(_unsifted, signal);
                continue;
            }

            foreach (var opening in signal.Openings)
            {
                if (opening.Length == 1)
                {
                    Add(SetOf(byCharacter, opening[0]), signal);
                }
                else
                {
                    Add(SetOf(byPair, Pair(opening[0], opening[1])), signal);
                    (_opensPair[opening[0]], _closesPair[opening[1]]) = (true, true);
                }
            }
        }

        var distinct = new List<ulong[]>();
        var indexOfSet = new Dictionary<string, int>(StringComparer.Ordinal);
        int IndexOf(ulong[] set)
        {
            var key = string.Join(',', set);
            if (!indexOfSet.TryGetValue(key, out var index))
            {
                indexOfSet[key] = index = distinct.Count;
                distinct.Add(set);
            }

            return index;
        }

        IndexOf(new ulong[_words]);
        foreach (var (c, set) in byCharacter)
        {
            _byCharacter[c] = IndexOf(set);
        }

        foreach (var (pair, set) in byPair)
        {
            _byPair[pair] = IndexOf(set);
        }

        _sets = [.. distinct.SelectMany(s => s)];
    }

    /// <summary>The signals each passage of a report can match, by its <see cref="ReportPassage.ScoredText"/>.</summary>
    public PassageSignals Sift(IReadOnlyList<ReportPassage> passages)
    {
        var bits = new ulong[passages.Count * _words];
        for (var p = 0; p < passages.Count; p++)
        {
            var own = bits.AsSpan(p * _words, _words);
            _unsifted.CopyTo(own);
            var text = passages[p].ScoredText;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                Include(own, _byCharacter[c]);
                if (_opensPair[c] && i + 1 < text.Length && _closesPair[text[i + 1]] && _byPair.TryGetValue(Pair(c, text[i + 1]), out var set))
                {
                    Include(own, set);
                }
            }
        }

        return new PassageSignals(bits, _words);
    }

    private void Include(Span<ulong> own, int set)
    {
        if (set != 0)
        {
            var signals = _sets.AsSpan(set * _words, _words);
            for (var w = 0; w < own.Length; w++)
            {
                own[w] |= signals[w];
            }
        }
    }

    private static int Pair(char first, char second) => (first << 16) | second;

    private ulong[] SetOf<TKey>(Dictionary<TKey, ulong[]> sets, TKey key)
        where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new ulong[_words];
        }

        return set;
    }

    private static void Add(ulong[] set, CompiledSignal signal) => set[signal.Ordinal >> 6] |= 1UL << (signal.Ordinal & 63);
}

/// <summary>Per passage of a report (in <see cref="ReportPassages.Read"/>'s order), the signals it can match.</summary>
internal sealed class PassageSignals(ulong[] bits, int words)
{
    public bool CanMatch(int passage, CompiledSignal signal) =>
        (bits[passage * words + (signal.Ordinal >> 6)] & (1UL << (signal.Ordinal & 63))) != 0;
}
