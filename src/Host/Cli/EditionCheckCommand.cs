using System.CommandLine;
using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Stage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest edition-check [--edition 8]</c>: runs the edition rules over every indexed record of an edition
/// (all configured editions by default) and writes their findings onto the records they concern.</summary>
internal sealed class EditionCheckCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var edition = new Option<int?>("--edition") { Description = "The edition to check (default: every edition with facts, Editions:<n>)" };
        var command = new Command("edition-check", "Checks the rules across an edition's packages: deadline, recommenders and quotas, direct submissions, duplicates")
        {
            edition, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            try
            {
                var catalog = provider.GetRequiredService<EditionCatalog>();
                var editions = parseResult.GetValue(edition) is { } one ? [one] : catalog.Numbers.Select(n => (int?)n);
                var results = await provider.GetRequiredService<EditionStage>().RunAsync(editions, cancellationToken);
                foreach (var result in results)
                {
                    await services.Output.WriteLineAsync(Describe(result));
                }

                return results.Any(r => !r.Configured) ? 2 : 0;
            }
            catch (OptionsValidationException ex)
            {
                await services.Error.WriteLineAsync("Configuration error: " + ex.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>One line per edition checked, as <c>ingest</c> and <c>edition-check</c> print it.</summary>
    public static string Describe(EditionCheckResult result) => result.Configured
        ? $"Edition {result.Edition}: {result.Cases} cases checked across the edition, {result.Written.Count} records updated"
          + (result.Written.Count is > 0 and <= 20 ? $" ({string.Join(", ", result.Written)})" : "")
          + $" in {result.Elapsed.TotalMilliseconds:F0} ms"
        : $"Edition {result.Edition}: no facts configured (Editions:{result.Edition}:ClosingTime, Registry); edition rules not run";
}
