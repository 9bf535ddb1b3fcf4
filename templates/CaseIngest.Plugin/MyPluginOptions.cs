namespace MyPlugin;

/// <summary>The plugin's settings: the section <c>Plugins:MyPlugin</c> (beside the host's Enabled, TimeoutSeconds,
/// Isolation and Recheck for this plugin). Validated when the host starts: a wrong value stops every command before the
/// first package, with <c>CaseIngest cannot start: …</c>.</summary>
public sealed class MyPluginOptions
{
    /// <summary>A package file larger than this is reported (<c>file_too_large</c>).</summary>
    public double MaxFileMegabytes { get; set; } = 50;
}
