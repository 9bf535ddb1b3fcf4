using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace CaseIngest.Core.Plugins;

/// <summary>Each plugin's host-side settings, read from configuration once per process (they are validated at start by
/// <see cref="Startup.HostStartup"/>). Binding them anew for every step of every package cost more than the binding: the
/// binder's reflection emitted fresh invoke stubs each time, and a process that keeps compiling new code never lets the
/// JIT promote its hot methods to optimised code.</summary>
public sealed class PluginSettingsCatalog(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, PluginSettings> _settings = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public PluginSettings For(string pluginName) => _settings.GetOrAdd(pluginName, name => PluginSettings.For(configuration, name));
}
