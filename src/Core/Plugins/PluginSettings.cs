using Microsoft.Extensions.Configuration;

namespace CaseIngest.Core.Plugins;

/// <summary>One plugin's host-side settings, the section <c>Plugins:&lt;Name&gt;</c> (the plugin's own options live there too).</summary>
public sealed class PluginSettings
{
    /// <summary>A disabled plugin is not loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the pipeline waits for the step before recording <c>plugin_failed</c>.</summary>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary><c>inprocess</c> or <c>process</c> (a child process that can be killed at the timeout).</summary>
    public string Isolation { get; set; } = PluginIsolation.InProcess;

    /// <summary>Whether <c>recheck</c> runs the step again; false keeps its stored sections (e.g. OCR).</summary>
    public bool Recheck { get; set; } = true;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public bool RunsInChildProcess => IsChildProcess(Isolation);

    /// <summary>Whether an <c>Isolation</c> value says the step runs in a child process.</summary>
    public static bool IsChildProcess(string? isolation) =>
        string.Equals(isolation, PluginIsolation.Process, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the plugin is to be loaded (read before anything else is validated).</summary>
    public static bool IsEnabled(IConfiguration configuration, string pluginName) =>
        configuration.GetSection(PluginOptions.SectionName).GetSection(pluginName).GetValue(nameof(Enabled), defaultValue: true);

    /// <summary>Reads the settings of one plugin.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range (checked at start by the host's startup).</exception>
    public static PluginSettings For(IConfiguration configuration, string pluginName)
    {
        var settings = new PluginSettings();
        configuration.GetSection(PluginOptions.SectionName).GetSection(pluginName).Bind(settings);
        if (settings.TimeoutSeconds <= 0)
        {
            throw new InvalidOperationException(
                $"Plugins:{pluginName}:TimeoutSeconds must be positive (was {settings.TimeoutSeconds}).");
        }

        if (!settings.RunsInChildProcess && !string.Equals(settings.Isolation, PluginIsolation.InProcess, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Plugins:{pluginName}:Isolation must be '{PluginIsolation.InProcess}' or '{PluginIsolation.Process}' (was '{settings.Isolation}').");
        }

        return settings;
    }
}

/// <summary>The values of <see cref="PluginSettings.Isolation"/>.</summary>
public static class PluginIsolation
{
    public const string InProcess = "inprocess";
    public const string Process = "process";
}
