using System.CommandLine;
using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Stage;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest withdraw ID… --reason …</c>: marks submissions withdrawn (they stay on record; no edition rule
/// counts them, so a withdrawn package frees its recommender's quota) and checks their editions again.</summary>
internal sealed class WithdrawCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var ids = new Argument<string[]>("submissionId") { Description = "The submissions withdrawn", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the record)" };
        var by = new Option<string>("--by") { Description = "Who withdrew it (default: the user running the command)" };
        var command = new Command("withdraw", "Marks submissions withdrawn and re-checks their editions (a withdrawn package frees its place in the quota)")
        {
            ids, reason, by, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            var withdrawal = new Withdrawal { At = now, By = parseResult.GetValue(by) ?? Environment.UserName, Reason = parseResult.GetValue(reason) };
            var wanted = parseResult.GetValue(ids)!;
            var editions = new List<int?>();
            var written = await provider.GetRequiredService<ICaseRepository>().UpdateManyAsync(wanted, record =>
            {
                editions.Add(record.Edition);
                if (record.Withdrawn is not null)
                {
                    return RecordUpdate.Unchanged;
                }

                record.Withdrawn = withdrawal;
                return RecordUpdate.Written;
            }, cancellationToken);

            foreach (var id in wanted)
            {
                await services.Output.WriteLineAsync(written.Contains(id, StringComparer.Ordinal) ? $"{id}: withdrawn"
                    : $"{id}: unchanged (not indexed, or already withdrawn)");
            }

            foreach (var result in await provider.GetRequiredService<EditionStage>().RunAsync(editions, cancellationToken))
            {
                await services.Output.WriteLineAsync(EditionCheckCommand.Describe(result));
            }

            return written.Count == wanted.Distinct(StringComparer.Ordinal).Count() ? 0 : 1;
        });
        return command;
    }
}
