using System.CommandLine;
using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest review export|notices|audit</c>: the compliance review's outputs for the ingestion team's
/// scripts, the same files the web application gives (the final lists .xlsx, the 补正通知 per package and per
/// recommender zip, the audit trail as JSON Lines).</summary>
internal sealed class ReviewCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var review = new Command("review", "The compliance review's outputs: final lists, 补正通知, audit trail");
        review.Subcommands.Add(Export(services));
        review.Subcommands.Add(Notices(services));
        review.Subcommands.Add(Audit(services));
        return review;
    }

    private static Command Export(CliServices services)
    {
        var output = new Option<FileInfo>("--out") { Description = "The .xlsx to write", Required = true };
        var command = new Command("export", "Writes the final lists (合规名单 per type, returned, non-compliant, undecided) as .xlsx")
        {
            output, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var file = parseResult.GetValue(output)!;
            file.Directory?.Create();
            await using (var stream = file.Create())
            {
                await FinalLists.WriteAsync(stream, provider.GetRequiredService<ISearchIndex>().ReadAllAsync(cancellationToken), cancellationToken);
            }

            await services.Output.WriteLineAsync($"Wrote {file.FullName}");
            return 0;
        });
        return command;
    }

    private static Command Notices(CliServices services)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder for the .docx notices and the per-recommender zips", Required = true };
        var command = new Command("notices", "Writes a 补正通知 .docx per returned package and one zip per recommender")
        {
            output, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult,
                (collection, configuration) => collection.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName)));
            var options = provider.GetRequiredService<IOptions<ReviewOptions>>().Value;
            var folder = parseResult.GetValue(output)!;
            folder.Create();
            var returned = new List<CaseRecord>();
            await foreach (var record in provider.GetRequiredService<ISearchIndex>().ReadAllAsync(cancellationToken))
            {
                if (CorrectionNotice.Applies(record))
                {
                    returned.Add(record);
                }
            }

            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var record in returned)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, CorrectionNotice.FileName(record)),
                    CorrectionNotice.Create(record, options.NoticeIssuer, options.NoticeResubmitTo, now), cancellationToken);
            }

            foreach (var group in returned.GroupBy(CorrectionNotice.RecommenderOf, StringComparer.Ordinal))
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, CorrectionNotice.ArchiveName(group.Key)),
                    CorrectionNotice.Archive(group, options.NoticeIssuer, options.NoticeResubmitTo, now), cancellationToken);
            }

            await services.Output.WriteLineAsync($"Wrote {returned.Count} notices for {returned.Select(CorrectionNotice.RecommenderOf).Distinct().Count()} recommenders to {folder.FullName}");
            return 0;
        });
        return command;
    }

    private static Command Audit(CliServices services)
    {
        var output = new Option<FileInfo>("--out") { Description = "The .jsonl to write (default: standard output)" };
        var command = new Command("audit", "Exports every audit event, oldest first, as JSON Lines") { output, services.IndexOption() };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var file = parseResult.GetValue(output);
            await using var writer = file is null ? null : new StreamWriter(file.Create());
            var target = writer ?? services.Output;
            await foreach (var e in provider.GetRequiredService<IAuditStore>().ReadAllAsync(cancellationToken))
            {
                await target.WriteLineAsync(JsonSerializer.Serialize(e, CaseRecordJson.Options));
            }

            return 0;
        });
        return command;
    }
}
