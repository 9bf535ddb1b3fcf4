using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MyPlugin;

/// <summary>The plugin's step: reports every package file larger than <see cref="MyPluginOptions.MaxFileMegabytes"/>.
/// Scoped: one instance per package, no state between packages.</summary>
internal sealed class MyPluginStep(IOptions<MyPluginOptions> options) : ISubmissionStep
{
    /// <summary>This plugin's own finding code (outside the catalogue, so it says its severity).</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>Cheap, no I/O: whether the package holds anything for this step.</summary>
    public bool CanRun(SubmissionContext context) => context.Files.Count > 0;

    public Task RunAsync(SubmissionContext context, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileMegabytes;
        foreach (var file in context.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var megabytes = Math.Round(file.Bytes / 1024d / 1024d, 2);
            if (megabytes > limit)
            {
                // Plugin, rule set and the configured severity (Pipeline:SeverityOverrides) are the host's to stamp.
                context.AddFinding(FileTooLarge, Severity.Warning,
                    string.Create(CultureInfo.InvariantCulture, $"文件 {file.Name} 为 {megabytes} MB，超过 {limit} MB"),
                    evidence: string.Create(CultureInfo.InvariantCulture, $"{file.Name}（{file.Role}）：{file.Bytes} 字节"),
                    location: new FindingLocation { File = file.Name },
                    measured: megabytes, limit: limit);
            }
        }

        context.Logger.LogInformation("Checked {Files} file(s) against {Limit} MB", context.Files.Count, limit);
        return Task.CompletedTask;
    }
}
