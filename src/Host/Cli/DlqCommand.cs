using System.CommandLine;
using System.Text.Json;
using CaseIngest.Messaging;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest dlq list | replay | purge</c>: the dead-letter queue, where messages end after their
/// last attempt or at once when malformed.</summary>
internal sealed class DlqCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var command = new Command("dlq", "Lists, replays or purges dead-lettered submission messages");
        command.Subcommands.Add(BuildList(services));
        command.Subcommands.Add(BuildReplay(services));
        command.Subcommands.Add(BuildPurge(services));
        return command;
    }

    private static Command BuildList(CliServices services)
    {
        var max = new Option<int>("--max") { Description = "At most this many messages", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "One JSON object a line instead of a table" };
        var command = new Command("list", "Shows dead-lettered messages with their reason and last error")
        {
            max, json, services.BrokerOption(),
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(services, parseResult, async admin =>
        {
            var letters = await admin.ListAsync(parseResult.GetValue(max), cancellationToken);
            if (parseResult.GetValue(json))
            {
                foreach (var letter in letters)
                {
                    services.Output.WriteLine(JsonSerializer.Serialize(letter, JsonSerializerOptions.Web));
                }

                return 0;
            }

            var table = new Table().AddColumns("Message id", "Submission", "Attempts", "Dead-lettered at", "Reason", "Last error");
            foreach (var letter in letters)
            {
                table.AddRow(Cell(letter.MessageId), Cell(letter.SubmissionId), Cell(letter.Attempt?.ToString()),
                    Cell(letter.DeadLetteredAt), Cell(letter.Reason), Cell(letter.LastError));
            }

            Console(services).Write(table);
            Console(services).MarkupLine($"{letters.Count} dead-lettered message(s) shown.");
            return 0;
        }));
        return command;
    }

    private static Command BuildReplay(CliServices services)
    {
        var ids = new Argument<string[]>("id")
        {
            Description = "Message ids or submission ids to replay (none: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("replay", "Moves dead-lettered messages back to the submissions queue for a fresh set of attempts")
        {
            ids, services.BrokerOption(),
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(services, parseResult, async admin =>
        {
            var selected = parseResult.GetValue(ids) is { Length: > 0 } given ? given.ToHashSet(StringComparer.Ordinal) : null;
            var replayed = await admin.ReplayAsync(selected, cancellationToken);
            services.Output.WriteLine($"Replayed {replayed} message(s).");
            return 0;
        }));
        return command;
    }

    private static Command BuildPurge(CliServices services)
    {
        var yes = new Option<bool>("--yes") { Description = "Really delete every dead-lettered message" };
        var command = new Command("purge", "Deletes every dead-lettered message") { yes, services.BrokerOption() };
        command.SetAction((parseResult, cancellationToken) => RunAsync(services, parseResult, async admin =>
        {
            if (!parseResult.GetValue(yes))
            {
                services.Error.WriteLine("dlq purge deletes messages for good: add --yes (see them first with dlq list).");
                return 2;
            }

            var purged = await admin.PurgeAsync(cancellationToken);
            services.Output.WriteLine($"Purged {purged} message(s).");
            return 0;
        }));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult parseResult, Func<DeadLetterAdmin, Task<int>> action)
    {
        using var provider = services.CreateProvider(parseResult, (s, c) => s.AddCaseIngestMessaging(c));
        try
        {
            return await action(provider.GetRequiredService<DeadLetterAdmin>());
        }
        catch (BrokerUnreachableException ex)
        {
            services.Error.WriteLine($"dlq: cannot reach the broker {BrokerName(provider)}: {ex.InnerException?.Message ?? ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is OperationInterruptedException or OptionsValidationException)
        {
            services.Error.WriteLine($"dlq: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The broker's address without the password, for error messages.</summary>
    private static string BrokerName(IServiceProvider provider)
    {
        var uri = provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Uri;
        return $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.AbsolutePath}";
    }

    private static IAnsiConsole Console(CliServices services) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(services.Output) });

    private static string Cell(string? text) => Markup.Escape(text ?? "");
}
