using System.Diagnostics;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline.Isolation;
using CaseIngest.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Pipeline;

/// <summary>Runs the steps of one package in order, each on the record itself with a snapshot taken before, so that
/// a step that fails or times out leaves the record as it found it (a new record from the snapshot: an abandoned step
/// still writing keeps writing to the old one); then the enrichers, the same way, the severity table and the verdict.
/// The runner alone says whose a finding is: it stamps the findings a step or enricher adds with its name and the rule set in force.</summary>
public sealed class PipelineRunner
{
    private readonly StepOrder _order;
    private readonly InProcessStepExecutor _inProcess;
    private readonly ChildProcessStepExecutor _childProcess;
    private readonly PluginSettingsCatalog _settings;
    private readonly PipelineOptions _options;
    private readonly SeverityTable _severities;
    private readonly ILogger<PipelineRunner> _logger;

    public PipelineRunner(StepOrder order, InProcessStepExecutor inProcess, ChildProcessStepExecutor childProcess,
        PluginSettingsCatalog settings, IOptions<PipelineOptions> options, SeverityTable severities, ILogger<PipelineRunner> logger)
    {
        _order = order;
        _inProcess = inProcess;
        _childProcess = childProcess;
        _settings = settings;
        _options = options.Value;
        _severities = severities;
        _logger = logger;
    }

    /// <summary>Runs the pipeline over a record whose files are read and roles decided.</summary>
    /// <param name="record">The record so far (host findings, files, metadata).</param>
    /// <param name="files">The package's files in the work folder.</param>
    /// <param name="workFolder">The package's work folder (child processes exchange files there).</param>
    /// <param name="scope">The package's DI scope: steps and enrichers are resolved from it.</param>
    /// <param name="runStep">Which steps run (recheck keeps the others' stored output); all when null.</param>
    /// <returns>The record the pipeline ends with; <paramref name="start"/> is left as it was.</returns>
    public async Task<CaseRecord> RunAsync(CaseRecord start, IReadOnlyList<PackageFile> files, string workFolder, IServiceProvider scope,
        Func<PluginStep, bool>? runStep, CancellationToken cancellationToken)
    {
        var record = CaseRecordJson.Clone(start);
        var failedOrBlocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in _order.Steps)
        {
            if (runStep is not null && !runStep(step))
            {
                continue;
            }

            record.Plugins.RemoveAll(p => p.Name == step.Name);
            var blockedBy = step.Needs.Where(failedOrBlocked.Contains).ToList();
            if (blockedBy.Count > 0)
            {
                failedOrBlocked.Add(step.Name);
                record.Plugins.Add(new PluginRun
                {
                    Name = step.Name, Version = step.Version, Outcome = PluginOutcomes.Skipped,
                    Error = $"needs {string.Join(", ", blockedBy)}, which failed",
                });
                continue;
            }

            record = await RunStepAsync(step, record, files, workFolder, scope, failedOrBlocked, cancellationToken);
        }

        foreach (var enricher in scope.GetServices<IRecordEnricher>())
        {
            record = await RunEnricherAsync(enricher, record, cancellationToken);
        }

        _severities.Apply(record.Findings);
        record.Verdict = VerdictRule.Derive(record.Findings);
        return record;
    }

    private async Task<CaseRecord> RunStepAsync(PluginStep step, CaseRecord record, IReadOnlyList<PackageFile> files, string workFolder,
        IServiceProvider scope, HashSet<string> failedOrBlocked, CancellationToken cancellationToken)
    {
        var logger = scope.GetRequiredService<ILoggerFactory>().CreateLogger(step.Name);
        var context = new SubmissionContext(record, files, _options.RuleSet, logger);
        var run = new PluginRun { Name = step.Name, Version = step.Version };
        var instance = step.Resolve(scope);
        if (!instance.CanRun(context))
        {
            run.Outcome = PluginOutcomes.Skipped;
            run.Error = "nothing to do in this package";
            record.Plugins.Add(run);
            return record;
        }

        var settings = _settings.For(step.Name);
        using var snapshot = CaseRecordJson.Snapshot(record);
        var firstAdded = record.Findings.Count;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = record;
            if (settings.RunsInChildProcess)
            {
                result = await _childProcess.ExecuteAsync(step.Name, context, workFolder, settings.Timeout, cancellationToken);
            }
            else
            {
                await _inProcess.ExecuteAsync(instance, context, settings.Timeout, cancellationToken);
            }

            run.ElapsedMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1);
            StampFindings(result, firstAdded, step.Name);
            result.Plugins.RemoveAll(p => p.Name == step.Name);
            result.Plugins.Add(run);
            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ex is StepFailedException ? ex.Message : ex.GetType().Name + ": " + ex.Message;
            _logger.LogWarning("Plugin {Plugin} failed on {SubmissionId}: {Error}", step.Name, record.SubmissionId, error);
            run.ElapsedMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1);
            run.Outcome = PluginOutcomes.Failed;
            run.Error = error;
            record = CaseRecordJson.Restore(snapshot);
            record.Plugins.Add(run);
            record.Findings.Add(PluginFailed(step.Name, error));
            failedOrBlocked.Add(step.Name);
            return record;
        }
    }

    private async Task<CaseRecord> RunEnricherAsync(IRecordEnricher enricher, CaseRecord record, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var snapshot = CaseRecordJson.Snapshot(record);
        var firstAdded = record.Findings.Count;
        try
        {
            await enricher.EnrichAsync(record, cancellationToken);
            StampFindings(record, firstAdded, enricher.Name);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.EnricherTimed(enricher.Name, record.SubmissionId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return record;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Enricher {Enricher} failed on {SubmissionId}", enricher.Name, record.SubmissionId);
            record = CaseRecordJson.Restore(snapshot);
            record.Findings.Add(PluginFailed(enricher.Name, ex.GetType().Name + ": " + ex.Message));
            return record;
        }
    }

    private Finding PluginFailed(string plugin, string error) => new()
    {
        Code = FindingCodes.PluginFailed,
        Severity = Severity.Error,
        Message = $"插件 {plugin} 运行失败：{error}",
        Evidence = error,
        Plugin = plugin,
        RuleSet = _options.RuleSet,
    };

    // Steps and enrichers add findings at the end (SubmissionContext.AddFinding); those from firstAdded on are theirs.
    private void StampFindings(CaseRecord record, int firstAdded, string plugin)
    {
        foreach (var finding in record.Findings.Skip(firstAdded))
        {
            finding.Plugin = plugin;
            finding.RuleSet = _options.RuleSet;
        }
    }
}

internal static partial class PipelineRunnerLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Enricher {Enricher} on {SubmissionId} in {ElapsedMs} ms (its snapshot of the record included)")]
    public static partial void EnricherTimed(this ILogger logger, string enricher, string submissionId, double elapsedMs);
}
