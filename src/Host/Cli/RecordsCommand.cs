using System.CommandLine;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest records [--out FILE] [--confirmed]</c>: the indexed records as JSON Lines, people's review
/// included — how what reviewers confirmed on the web pages reaches <c>train</c> (<c>caseingest records --confirmed --out
/// confirmed.jsonl &amp;&amp; caseingest train confirmed.jsonl</c>), and a plain export for anything else.</summary>
internal sealed class RecordsCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var output = new Option<FileInfo>("--out") { Description = "The .jsonl to write (default: standard output)" };
        var confirmed = new Option<bool>("--confirmed") { Description = "Only cases whose type a reviewer confirmed (what train learns from)" };
        var command = new Command("records", "Writes the indexed records, people's review included, as JSON Lines")
        {
            output, confirmed, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var index = provider.GetRequiredService<ISearchIndex>();
            var file = parseResult.GetValue(output);
            var onlyConfirmed = parseResult.GetValue(confirmed);
            await using var target = file is null ? null : new StreamWriter(file.FullName);
            var writer = target ?? services.Output;
            var written = 0;
            await foreach (var record in index.ReadAllAsync(cancellationToken))
            {
                if (onlyConfirmed && string.IsNullOrWhiteSpace(record.Review?.ConfirmedType))
                {
                    continue;
                }

                await writer.WriteLineAsync(CaseRecordJson.Serialize(record));
                written++;
            }

            await services.Error.WriteLineAsync($"records: {written} written{(file is null ? "" : " to " + file.FullName)}");
            return 0;
        });
        return command;
    }
}
