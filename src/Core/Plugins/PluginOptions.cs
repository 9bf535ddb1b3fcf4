namespace CaseIngest.Core.Plugins;

/// <summary>The <c>Plugins</c> section: where plugin folders are and what a broken one does.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>The folder holding one folder per plugin (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>); default beside the host.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>A plugin that cannot be loaded stops the start instead of running the pipeline without it. Only the
    /// <c>plugins</c> command, which lists what loads, goes on regardless.</summary>
    public bool FailOnLoadError { get; set; } = true;
}
