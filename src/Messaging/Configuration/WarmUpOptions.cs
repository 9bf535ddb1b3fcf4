using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Messaging.Configuration;

/// <summary>What the worker runs before it consumes, beside the plugins' own warm-ups (section <c>WarmUp</c>).</summary>
public sealed class WarmUpOptions
{
    public const string SectionName = "WarmUp";

    /// <summary>Runs <see cref="Package"/> through the whole pipeline once before the first message, keeping nothing of
    /// it (<see cref="Worker.PipelineWarmUp"/>; read when the worker's services are registered).</summary>
    public bool Pipeline { get; set; } = true;

    /// <summary>The sample package (a folder or .zip); a relative path is taken from the worker's own folder, where the
    /// build puts the sample it ships (one of the notice's seed packages: two .docx and a stamped PDF page).</summary>
    [Required]
    public string Package { get; set; } = "warm-up/sample-package.zip";

    public string FullPackagePath => System.IO.Path.GetFullPath(Package, AppContext.BaseDirectory);
}
