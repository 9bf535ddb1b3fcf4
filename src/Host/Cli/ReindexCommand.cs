using System.CommandLine;
using System.Diagnostics;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest reindex</c>: rebuilds the index from its stored records into a new version and switches to it
/// (searches keep answering from the old version meanwhile).</summary>
internal sealed class ReindexCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var command = new Command("reindex", "Rebuilds the search index from the stored records into a new version and switches to it")
        {
            services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var started = Stopwatch.GetTimestamp();
            var outcome = await provider.GetRequiredService<ISearchIndexMaintenance>().ReindexAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await services.Output.WriteLineAsync(
                $"Reindexed {outcome.Documents} records into {outcome.Version} (was {outcome.PreviousVersion ?? "none"}) in {elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
