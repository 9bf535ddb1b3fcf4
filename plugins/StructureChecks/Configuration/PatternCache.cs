using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.StructureChecks.Configuration;

/// <summary>The regular expressions of the rule sets, compiled once per pattern (rules are shared by every package).
/// Patterns come from configuration: one that runs away must not hold the package, so a match gives up after a while
/// and counts as no match.</summary>
internal sealed class PatternCache
{
    // The timeout is wall time, not CPU time: at 200 ms a busy machine (load 30+ on two cores) timed out ordinary
    // sentences and turned them into false findings (no_partner_described, missing_dimension) that changed from run to
    // run. Two seconds still stops a runaway pattern but is ten times what a starved thread needs for a sentence.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    // Compiled: built once per pattern for the life of the process, then matched against every sentence of every report.
    public Regex Get(string pattern) =>
        _patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout));

    public bool IsMatch(string pattern, string text)
    {
        try
        {
            return Get(pattern).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public Match? Match(string pattern, string text)
    {
        try
        {
            var match = Get(pattern).Match(text);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
