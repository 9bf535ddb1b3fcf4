using System.CommandLine;
using CaseIngest.Host.Ingest;
using CaseIngest.Messaging;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Enqueue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest enqueue &lt;path&gt;...</c>: copies packages into the inbox and queues one message each,
/// confirmed by the broker, with a progress bar and a summary. Exit code 0 when all were queued, 1 when some failed,
/// 2 when the broker or configuration is unusable.</summary>
internal sealed class EnqueueCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Packages (folders or .zip files), or folders of packages",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("enqueue", "Copies packages into the inbox and queues them for the workers")
        {
            paths,
            services.BrokerOption(),
            services.InboxOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.CreateProvider(parseResult, (s, c) => s.AddCaseIngestMessaging(c));
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(services.Output) });
            IReadOnlyList<string> packages;
            try
            {
                packages = PackageDiscovery.Find(parseResult.GetValue(paths) ?? []);
            }
            catch (FileNotFoundException ex)
            {
                await services.Error.WriteLineAsync($"enqueue: {ex.Message}");
                return 2;
            }

            try
            {
                var enqueuer = provider.GetRequiredService<SubmissionEnqueuer>();
                EnqueueSummary summary = null!;
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Queuing packages", maxValue: Math.Max(packages.Count, 1));
                        var progress = new SynchronousProgress<EnqueueProgress>(p =>
                        {
                            task.Value = p.Done;
                            task.Description = $"Queuing packages ({p.Done}/{p.Total})";
                        });
                        summary = await enqueuer.EnqueueAsync(packages, progress, cancellationToken);
                        task.Value = task.MaxValue;
                    });
                WriteSummary(console, summary);
                return summary.Failed == 0 ? 0 : 1;
            }
            catch (BrokerUnreachableException ex)
            {
                services.Error.WriteLine($"enqueue: cannot reach the broker {BrokerName(provider)}: {ex.InnerException?.Message ?? ex.Message}");
                return 2;
            }
            catch (Exception ex) when (ex is OperationInterruptedException or OptionsValidationException or IOException
                                           or UnauthorizedAccessException)
            {
                services.Error.WriteLine($"enqueue: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void WriteSummary(IAnsiConsole console, EnqueueSummary summary)
    {
        var table = new Table().AddColumns("Package", "Submission", "Result");
        foreach (var result in summary.Results.Where(r => !r.Succeeded))
        {
            table.AddRow(Markup.Escape(result.PackagePath), "", $"[red]{Markup.Escape(result.Error ?? "")}[/]");
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        console.MarkupLine($"Queued [green]{summary.Queued}[/] of {summary.Results.Count} packages; failed [red]{summary.Failed}[/].");
    }

    /// <summary>The broker's address without the password, for error messages.</summary>
    private static string BrokerName(IServiceProvider provider)
    {
        var uri = provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Uri;
        return $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.AbsolutePath}";
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
