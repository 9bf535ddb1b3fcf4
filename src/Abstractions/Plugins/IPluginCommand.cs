namespace CaseIngest.Abstractions.Plugins;

/// <summary>A command a plugin contributes to the <c>caseingest</c> command line (e.g. the classifier's <c>train</c>).
/// Registered by the plugin's <see cref="IPluginRegistrar"/> as a singleton; the host exposes it as
/// <c>caseingest &lt;Name&gt; [args…]</c> and passes the arguments through untouched.</summary>
public interface IPluginCommand
{
    /// <summary>The command's name on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the help text.</summary>
    string Description { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
