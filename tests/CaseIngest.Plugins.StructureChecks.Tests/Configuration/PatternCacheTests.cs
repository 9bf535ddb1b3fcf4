using System.Text.RegularExpressions;
using CaseIngest.Plugins.StructureChecks.Configuration;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Plugins.StructureChecks.Tests.Configuration;

/// <summary>Rule patterns: linear-time where the pattern allows it, and a match that gives up is "could not decide",
/// never "no match" (which a rule turns into a finding).</summary>
public sealed class PatternCacheTests
{
    // A lookahead keeps it on the backtracking engine; nested quantifiers on a near miss make that engine run away.
    private const string Runaway = "^(?=a)(a+)+$";
    private static readonly string s_nearMiss = new string('a', 40) + "!";

    private readonly WarningLog _log = new();

    [Fact]
    public void Get_PatternWithoutBacktrackingConstructs_NonBacktracking_OthersBacktrackWithATimeout()
    {
        var cache = new PatternCache(_log);

        Assert.True(cache.Get("上线|投入(?:使用|运行)|投运").Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.True(cache.Get("^(a+)+$").Options.HasFlag(RegexOptions.NonBacktracking));
        var backtracking = cache.Get(Runaway);
        Assert.False(backtracking.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(TimeSpan.FromSeconds(2), backtracking.MatchTimeout);
    }

    [Fact]
    public void Test_NestedQuantifiersOnANearMiss_NonBacktrackingDecides()
    {
        var cache = new PatternCache(_log, TimeSpan.FromMilliseconds(50));

        Assert.Equal(PatternVerdict.NoMatch, cache.Test("^(a+)+$", s_nearMiss, "missing_dimension"));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void Test_BacktrackingPatternThatRunsAway_UndecidedAndAStructuredWarning()
    {
        var cache = new PatternCache(_log, TimeSpan.FromMilliseconds(50));

        Assert.Equal(PatternVerdict.Undecided, cache.Test(Runaway, s_nearMiss, "missing_dimension"));
        Assert.Null(cache.Matches(Runaway, s_nearMiss, "implementation_date_unknown"));

        Assert.Equal(2, _log.Warnings.Count);
        var warning = _log.Warnings[0];
        Assert.Equal("missing_dimension", warning["Rule"]);
        Assert.Equal(Runaway, warning["Pattern"]);
        Assert.Equal(s_nearMiss.Length, warning["TextLength"]);
    }

    [Fact]
    public void AnyMatch_AMatchWinsOverUndecided_UndecidedOverNoMatch()
    {
        var cache = new PatternCache(_log, TimeSpan.FromMilliseconds(50));

        Assert.Equal(PatternVerdict.Match, cache.AnyMatch([Runaway, "a!$"], [s_nearMiss], "no_partner_described"));
        Assert.Equal(PatternVerdict.Undecided, cache.AnyMatch([Runaway, "z"], ["b", s_nearMiss], "no_partner_described"));
        Assert.Equal(PatternVerdict.NoMatch, cache.AnyMatch(["z"], ["b", s_nearMiss], "no_partner_described"));
    }

    /// <summary>The warnings logged, each as its structured fields.</summary>
    private sealed class WarningLog : ILogger<PatternCache>
    {
        public List<Dictionary<string, object?>> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                Warnings.Add(fields.ToDictionary(f => f.Key, f => f.Value));
            }
        }
    }
}
