using System.CommandLine;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Pipeline;
using CaseIngest.Editions.Stage;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest recheck</c>: runs the checks again over the indexed cases from the package store after a rule
/// or model change (plugins with <c>Plugins:&lt;Name&gt;:Recheck=false</c>, e.g. OCR, keep their stored output) and
/// prints per case the findings added and removed.</summary>
internal sealed class RecheckCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var ids = new Argument<string[]>("submissionId") { Description = "Only these cases (default: every indexed case)", Arity = ArgumentArity.ZeroOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Prints the differences without saving" };
        var command = new Command("recheck", "Re-runs the checks on indexed cases from the package store and saves the updated records")
        {
            ids, dryRun, services.IndexOption(), services.PluginsOption(), services.StoreOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = services.CreateProvider(parseResult);
            var index = provider.GetRequiredService<ISearchIndex>();
            var repository = provider.GetRequiredService<ICaseRepository>();
            var rechecker = provider.GetRequiredService<ISubmissionRechecker>();
            var only = (parseResult.GetValue(ids) ?? []).ToHashSet(StringComparer.Ordinal);

            // Read first, then write: the index is not modified while it is being enumerated.
            var stored = new List<CaseRecord>();
            await foreach (var record in index.ReadAllAsync(cancellationToken))
            {
                if (only.Count == 0 || only.Contains(record.SubmissionId))
                {
                    stored.Add(record);
                }
            }

            int changed = 0, missing = 0;
            foreach (var before in stored.OrderBy(r => r.SubmissionId, StringComparer.Ordinal))
            {
                var result = await rechecker.RecheckAsync(before, cancellationToken);
                if (!result.PackageFound)
                {
                    missing++;
                    await services.Output.WriteLineAsync($"{before.SubmissionId}: package {before.PackageSha256} not in the store; skipped");
                    continue;
                }

                var diff = FindingDiff.Between(before, result.Record);
                var moved = TypeMove.Between(before, result.Record);
                if (diff.IsEmpty && before.Verdict == result.Record.Verdict && moved is null)
                {
                    await services.Output.WriteLineAsync($"{before.SubmissionId}: unchanged");
                }
                else
                {
                    changed++;
                    await services.Output.WriteLineAsync(
                        $"{before.SubmissionId}: {Verdict(before)} → {Verdict(result.Record)}; {diff}{(moved is null ? "" : "; " + moved)}");
                }

                if (!parseResult.GetValue(dryRun))
                {
                    await repository.SaveAsync(result.Record, cancellationToken);
                }
            }

            if (!parseResult.GetValue(dryRun))
            {
                var editions = stored.Select(r => r.Edition);
                foreach (var result in await provider.GetRequiredService<EditionStage>().RunAsync(editions, cancellationToken))
                {
                    await services.Output.WriteLineAsync(EditionCheckCommand.Describe(result));
                }
            }

            await services.Output.WriteLineAsync($"Rechecked {stored.Count - missing} cases: {changed} changed, {missing} without a stored package.");
            return 0;
        });
        return command;
    }

    private static string Verdict(CaseRecord record) => CaseRecordJson.Name(record.Verdict);
}

/// <summary>A case whose predicted type changed (after a new classifier model, say): what it moved from and to.</summary>
internal sealed record TypeMove(string From, string To, string? FromModel, string? ToModel)
{
    private const string Unsure = "未定";

    public static TypeMove? Between(CaseRecord before, CaseRecord after)
    {
        var from = before.Classification?.Predicted ?? Unsure;
        var to = after.Classification?.Predicted ?? Unsure;
        return from == to ? null : new TypeMove(from, to, before.Classification?.ModelVersion, after.Classification?.ModelVersion);
    }

    public override string ToString() => $"type {From} → {To} (model {FromModel ?? "none"} → {ToModel ?? "none"})";
}

/// <summary>The findings one record has and the other has not, by code and evidence.</summary>
internal sealed record FindingDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    public static FindingDiff Between(CaseRecord before, CaseRecord after)
    {
        // The package's own findings: the edition stage's (and what it set aside) are decided after the recheck.
        var old = before.Findings.Concat(before.SuppressedFindings).Where(f => f.Plugin != EditionStage.PluginName).Select(Key).ToList();
        var now = after.Findings.Where(f => f.Plugin != EditionStage.PluginName).Select(Key).ToList();
        return new FindingDiff(now.Except(old).ToList(), old.Except(now).ToList());
    }

    public override string ToString() =>
        (Added.Count == 0 ? "" : "added " + string.Join(", ", Added)) +
        (Added.Count > 0 && Removed.Count > 0 ? "; " : "") +
        (Removed.Count == 0 ? "" : "removed " + string.Join(", ", Removed)) +
        (IsEmpty ? "findings unchanged" : "");

    private static string Key(Finding finding) =>
        finding.Evidence is null ? finding.Code : $"{finding.Code} [{Shorten(finding.Evidence)}]";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
