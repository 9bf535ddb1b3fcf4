using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>What a rule pattern says about a text: it matched, it did not, or it could not say in time.</summary>
internal enum PatternVerdict
{
    NoMatch,
    Match,

    /// <summary>The match gave up at its timeout: neither a match nor its absence is known, so a rule that would report
    /// a missing wording reports nothing (a finding must not depend on how loaded the machine was).</summary>
    Undecided,
}

/// <summary>The regular expressions of the rule sets, compiled once per pattern (rules are shared by every package).
/// Patterns come from configuration, so one may run away: a pattern that allows it is compiled with
/// <see cref="RegexOptions.NonBacktracking"/> (linear in the text, it cannot run away); the others (backreferences,
/// lookarounds, atomic groups) backtrack, and a match gives up after a while and is <see cref="PatternVerdict.Undecided"/>,
/// logged as a warning — never "no match", which a rule would turn into a false finding.</summary>
internal sealed class PatternCache
{
    // The timeout is wall time, not CPU time: at 200 ms a busy machine (load 30+ on two cores) timed out ordinary
    // sentences and turned them into false findings (no_partner_described, missing_dimension) that changed from run to
    // run. Two seconds still stops a runaway pattern but is ten times what a starved thread needs for a sentence.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);
    private readonly ILogger<PatternCache> _logger;
    private readonly TimeSpan _timeout;

    public PatternCache(ILogger<PatternCache> logger)
        : this(logger, DefaultTimeout)
    {
    }

    /// <summary>With another timeout: for tests of a pattern that runs away.</summary>
    internal PatternCache(ILogger<PatternCache> logger, TimeSpan timeout)
    {
        _logger = logger;
        _timeout = timeout;
    }

    /// <summary>The compiled pattern; its matches may still throw <see cref="RegexMatchTimeoutException"/> when it
    /// backtracks: prefer <see cref="Test"/> and <see cref="Matches"/>.</summary>
    public Regex Get(string pattern) =>
        // Looked up before GetOrAdd: its factory, an instance method, would be a new delegate on every call (hundreds a
        // package: 24 MB of 2.2 GB allocated over 300 non-OCR packages).
        _patterns.TryGetValue(pattern, out var compiled) ? compiled : _patterns.GetOrAdd(pattern, Compile);

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="text"/>, for <paramref name="rule"/> (named in
    /// the warning when it cannot say).</summary>
    public PatternVerdict Test(string pattern, string text, string rule)
    {
        try
        {
            return Get(pattern).IsMatch(text) ? PatternVerdict.Match : PatternVerdict.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            Undecided(pattern, text, rule);
            return PatternVerdict.Undecided;
        }
    }

    /// <summary>Every match of <paramref name="pattern"/> in <paramref name="text"/>; null when it could not say in time.</summary>
    public IReadOnlyList<Match>? Matches(string pattern, string text, string rule)
    {
        try
        {
            // Enumerated here: a lazy collection would time out later, outside this catch. Most texts hold no match
            // (a rule's pattern against each sentence of a report): those return without a collection or a list.
            var match = Get(pattern).Match(text);
            if (!match.Success)
            {
                return [];
            }

            var matches = new List<Match>();
            for (; match.Success; match = match.NextMatch())
            {
                matches.Add(match);
            }

            return matches;
        }
        catch (RegexMatchTimeoutException)
        {
            Undecided(pattern, text, rule);
            return null;
        }
    }

    /// <summary>Whether any of <paramref name="patterns"/> matches any of <paramref name="texts"/>: a match wins, else
    /// one undecided test makes the whole undecided. Stops at the first match.</summary>
    public PatternVerdict AnyMatch(IEnumerable<string> patterns, IEnumerable<string> texts, string rule)
    {
        var verdict = PatternVerdict.NoMatch;
        foreach (var text in texts)
        {
            foreach (var pattern in patterns)
            {
                switch (Test(pattern, text, rule))
                {
                    case PatternVerdict.Match:
                        return PatternVerdict.Match;
                    case PatternVerdict.Undecided:
                        verdict = PatternVerdict.Undecided;
                        break;
                }
            }
        }

        return verdict;
    }

    private Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, _timeout);
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups, conditionals: only the backtracking engine has them.
            // Compiled: built once per pattern for the life of the process, then matched against every sentence.
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, _timeout);
        }
    }

    private void Undecided(string pattern, string text, string rule) =>
        _logger.LogWarning("Rule {Rule}: pattern {Pattern} gave up after {TimeoutMs} ms on a text of {TextLength} characters; " +
                           "the rule reports nothing it cannot decide", rule, pattern, _timeout.TotalMilliseconds, text.Length);
}
