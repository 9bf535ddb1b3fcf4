using System.CommandLine;
using System.Diagnostics;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Stage;
using CaseIngest.Host.Ingest;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest ingest PATH…</c>: every package under the paths through the pipeline, indexed, with a summary.</summary>
internal sealed class IngestCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var paths = new Argument<string[]>("path") { Description = "Packages (folders or .zip) or folders holding packages", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Writes the records as JSON Lines to this file" };
        var command = new Command("ingest", "Checks every package under the paths and indexes the records")
        {
            paths, output, services.IndexOption(), services.PluginsOption(), services.StoreOption(),
            services.ConfigurationOption("--parallelism", "Pipeline:Parallelism", "Packages processed at once (default 2)"),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IReadOnlyList<string> packages;
            try
            {
                packages = PackageDiscovery.Find(parseResult.GetValue(paths)!);
            }
            catch (FileNotFoundException ex)
            {
                await services.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            await using var provider = services.CreateProvider(parseResult);
            return await RunAsync(provider, packages, parseResult.GetValue(output), services, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider provider, IReadOnlyList<string> packages, string? outputPath, CliServices services,
        CancellationToken cancellationToken)
    {
        var logger = CliServices.Logger(provider, "Ingest");
        var processor = provider.GetRequiredService<ISubmissionProcessor>();
        var repository = provider.GetRequiredService<ICaseRepository>();
        var parallelism = provider.GetRequiredService<IOptions<PipelineOptions>>().Value.Parallelism;
        var editionStage = provider.GetRequiredService<EditionStage>();

        await using var jsonLines = outputPath is null ? null : new JsonLinesWriter(outputPath);
        var summary = new IngestSummary();
        var stopwatch = Stopwatch.StartNew();
        var done = 0;
        var editions = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();

        async Task ProcessOneAsync(string package, Action<CaseRecord?> reportProgress, CancellationToken token)
        {
            CaseRecord record;
            try
            {
                record = await processor.ProcessAsync(package, metadata: null, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Package {Package} could not be processed", package);
                summary.AddCrash();
                reportProgress(null);
                return;
            }

            await repository.SaveAsync(record, token);
            if (record.Edition is { } edition)
            {
                editions.TryAdd(edition, true);
            }
            if (jsonLines is not null)
            {
                await jsonLines.WriteAsync(record, token);
            }

            summary.Add(record);
            reportProgress(record);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Ingesting {packages.Count} packages", maxValue: packages.Count);
                await Parallel.ForEachAsync(packages, parallel, (package, token) =>
                    new ValueTask(ProcessOneAsync(package, record =>
                    {
                        task.Increment(1);
                        task.Description = record is null
                            ? $"{Path.GetFileName(package)}: crashed"
                            : Markup.Escape($"{record.SubmissionId}: {IngestSummary.VerdictName(record.Verdict)}{FindingList(record)}");
                    }, token)));
            });
        }
        else
        {
            await Parallel.ForEachAsync(packages, parallel, (package, token) => new ValueTask(ProcessOneAsync(package, record =>
            {
                var n = Interlocked.Increment(ref done);
                var line = record is null
                    ? $"[{n}/{packages.Count}] {Path.GetFileName(package)}: crashed (see log)"
                    : $"[{n}/{packages.Count}] {record.SubmissionId}: {IngestSummary.VerdictName(record.Verdict)}"
                      + FindingList(record);
                lock (services.Output)
                {
                    services.Output.WriteLine(line);
                }
            }, token)));
        }

        // The rules across an edition run once the whole batch is in: quotas and duplicates need every package.
        foreach (var result in await editionStage.RunAsync(editions.Keys.Select(e => (int?)e), cancellationToken))
        {
            await services.Output.WriteLineAsync(EditionCheckCommand.Describe(result));
        }

        foreach (var line in summary.Render(stopwatch.Elapsed))
        {
            await services.Output.WriteLineAsync(line);
        }

        return 0;
    }

    private static string FindingList(CaseRecord record)
    {
        var codes = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().ToList();
        return codes.Count == 0 ? "" : " (" + string.Join(", ", codes) + ")";
    }
}
