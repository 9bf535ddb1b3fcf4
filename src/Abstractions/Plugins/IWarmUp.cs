namespace CaseIngest.Abstractions.Plugins;

/// <summary>Work a long-running host does once before it takes its first package: loading what a plugin otherwise
/// loads on first use (models, engines) and running it once, so the first packages do not wait for it. Registered by the
/// plugin's <see cref="IPluginRegistrar"/> as a singleton (<c>services.AddSingleton&lt;IWarmUp, MyWarmUp&gt;()</c>).
/// The worker runs every warm-up before it consumes; one-shot commands (<c>ingest</c>, <c>recheck</c>) never do, so a
/// plugin stays lazy there, and the host drops the warm-ups of a plugin whose step runs in a child process
/// (<c>Isolation: process</c>), which would load its parts into the host for nothing. A warm-up that fails is logged
/// and the host goes on: a package that needs the part meets the failure itself, as it would have without the
/// warm-up.</summary>
public interface IWarmUp
{
    /// <summary>What is warmed, for the log (e.g. "OcrStamps engines").</summary>
    string Name { get; }

    /// <summary>Loads and runs the part once.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken);
}
