using System.CommandLine;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest show ID</c>: one record from the index, as indented JSON.</summary>
internal sealed class ShowCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var id = new Argument<string>("submissionId") { Description = "The submission's id" };
        var command = new Command("show", "Prints one record from the index") { id, services.IndexOption() };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var record = await provider.GetRequiredService<ISearchIndex>().GetAsync(parseResult.GetValue(id)!, cancellationToken);
            if (record is null)
            {
                await services.Error.WriteLineAsync($"No case {parseResult.GetValue(id)} in the index.");
                return 1;
            }

            await services.Output.WriteLineAsync(CaseRecordJson.Serialize(record, indented: true));
            return 0;
        });
        return command;
    }
}
