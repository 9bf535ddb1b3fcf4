using CaseIngest.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Core.Pipeline;

/// <summary>The loaded plugins' steps in running order: each after every step it needs; ties in name order. Sorted once
/// per process (at start, by <see cref="Startup.HostStartup"/>) and logged once.</summary>
public sealed class StepOrder
{
    private readonly Lazy<IReadOnlyList<PluginStep>> _steps;

    public StepOrder(IEnumerable<PluginStep> steps, ILogger<StepOrder> logger)
    {
        var list = steps.ToList();
        _steps = new Lazy<IReadOnlyList<PluginStep>>(() =>
        {
            var ordered = Sort(list);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Pipeline order: {Order}", string.Join(" → ", ordered.Select(s => s.Name)));
            }

            return ordered;
        });
    }

    /// <summary>The steps in running order.</summary>
    /// <exception cref="StepOrderException">A step needs one that is not loaded, or the needs form a cycle.</exception>
    public IReadOnlyList<PluginStep> Steps => _steps.Value;

    /// <summary>Kahn's algorithm over the needs graph.</summary>
    public static IReadOnlyList<PluginStep> Sort(IReadOnlyCollection<PluginStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
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

        var ordered = new List<PluginStep>();
        var remaining = new SortedDictionary<string, PluginStep>(byName, StringComparer.Ordinal);
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
