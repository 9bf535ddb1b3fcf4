using System.CommandLine;
using System.Diagnostics;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Stage;
using CaseIngest.Host.Ingest;
using CaseIngest.Search.Ingestion;
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
        var ingestion = provider.GetRequiredService<PackageIngestion>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = provider.GetRequiredService<IOptions<PipelineOptions>>().Value.Parallelism,
            CancellationToken = cancellationToken,
        };
        var editionStage = provider.GetRequiredService<EditionStage>();

        await using var jsonLines = outputPath is null ? null : new JsonLinesWriter(outputPath);
        var summary = new IngestSummary();
        var stopwatch = Stopwatch.StartNew();
        await WithProgressAsync(packages.Count, services, report => Parallel.ForEachAsync(packages, parallel, async (package, token) =>
        {
            CaseRecord record;
            try
            {
                record = (await ingestion.IngestAsync(package, metadata: null, token)).Record;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Package {Package} could not be processed", package);
                summary.AddCrash();
                report(package, null);
                return;
            }

            if (jsonLines is not null)
            {
                await jsonLines.WriteAsync(record, token);
            }

            summary.Add(record);
            report(package, record);
        }));

        // The rules across an edition run once the whole batch is in: quotas and duplicates need every package.
        // PackageIngestion noted each saved package's edition (ChangedEditions).
        var changed = provider.GetRequiredService<ChangedEditions>().TakeAll();
        foreach (var result in await editionStage.RunAsync(changed, cancellationToken))
        {
            await services.Output.WriteLineAsync(EditionCheckCommand.Describe(result));
        }

        foreach (var line in summary.Render(stopwatch.Elapsed))
        {
            await services.Output.WriteLineAsync(line);
        }

        return 0;
    }

    /// <summary>Runs <paramref name="work"/>, which reports each package once (its record, or null when it crashed): on a
    /// terminal as a progress bar, otherwise as one line per package (logs and pipes).</summary>
    private static async Task WithProgressAsync(int total, CliServices services, Func<Action<string, CaseRecord?>, Task> work)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Ingesting {total} packages", maxValue: total);
                await work((package, record) =>
                {
                    task.Increment(1);
                    task.Description = Markup.Escape(Describe(package, record, "crashed"));
                });
            });
            return;
        }

        var done = 0;
        await work((package, record) =>
        {
            var line = $"[{Interlocked.Increment(ref done)}/{total}] {Describe(package, record, "crashed (see log)")}";
            lock (services.Output)
            {
                services.Output.WriteLine(line);
            }
        });
    }

    private static string Describe(string package, CaseRecord? record, string crashed) =>
        record is null ? $"{Path.GetFileName(package)}: {crashed}" : $"{record.SubmissionId}: {CaseRecordJson.Name(record.Verdict)}{FindingList(record)}";

    private static string FindingList(CaseRecord record)
    {
        var codes = record.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().ToList();
        return codes.Count == 0 ? "" : " (" + string.Join(", ", codes) + ")";
    }
}
