using CaseIngest.Abstractions.Plugins;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Core.Pipeline;

/// <summary>Orders steps so each runs after every step it <see cref="ISubmissionStep.Needs"/>; ties in name order.
/// Resolved once per process (steps are scoped, their names and needs are not) and logged once.</summary>
public sealed class StepOrder
{
    private readonly ILogger<StepOrder> _logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<string>? _names;

    public StepOrder(ILogger<StepOrder> logger)
    {
        _logger = logger;
    }

    /// <summary>The steps in running order.</summary>
    /// <exception cref="StepOrderException">A step needs one that is not loaded, or the needs form a cycle.</exception>
    public IReadOnlyList<ISubmissionStep> Arrange(IEnumerable<ISubmissionStep> steps)
    {
        var list = steps.ToList();
        lock (_gate)
        {
            if (_names is null)
            {
                _names = Sort(list).Select(s => s.Name).ToList();
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Pipeline order: {Order}", string.Join(" → ", _names));
                }
            }
        }

        var byName = list.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return _names.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
    }

    /// <summary>Kahn's algorithm over the needs graph.</summary>
    public static IReadOnlyList<ISubmissionStep> Sort(IReadOnlyCollection<ISubmissionStep> steps)
    {
        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StepOrderException($"Two steps are called {duplicate.Key}; step names must be unique.");
        }

        var byName = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var missing = step.Needs.Where(n => !byName.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new StepOrderException(
                    $"Plugin {step.Name} needs {string.Join(", ", missing)}, which is not loaded (missing or disabled).");
            }
        }

        var ordered = new List<ISubmissionStep>();
        var remaining = new SortedDictionary<string, ISubmissionStep>(byName, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var ready = remaining.Values.FirstOrDefault(s => s.Needs.All(n => !remaining.ContainsKey(n)));
            if (ready is null)
            {
                throw new StepOrderException(
                    $"The plugins' needs form a cycle among {string.Join(", ", remaining.Keys)}.");
            }

            ordered.Add(ready);
            remaining.Remove(ready.Name);
        }

        return ordered;
    }
}

/// <summary>The steps cannot be ordered: the configuration of plugins is wrong.</summary>
public sealed class StepOrderException : Exception
{
    public StepOrderException(string message)
        : base(message)
    {
    }
}
