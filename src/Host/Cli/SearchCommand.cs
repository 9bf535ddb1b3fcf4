using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest search [query]</c>: hits with highlighted snippets and facet counts; no query counts the whole index.</summary>
internal sealed class SearchCommand : ICliCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Command Build(CliServices services)
    {
        var text = new Argument<string[]>("query") { Description = "What to look for; \"quoted\" parts must match as a phrase", Arity = ArgumentArity.ZeroOrMore };
        var type = new Option<string>("--type") { Description = "Only this case type (e.g. 经营管理类)" };
        var verdict = new Option<string>("--verdict") { Description = "Only this verdict: accepted, needs_review, rejected, failed" };
        var edition = new Option<int?>("--edition") { Description = "Only this edition" };
        var recommender = new Option<string>("--recommender") { Description = "Only cases of this recommender" };
        var finding = new Option<string>("--finding") { Description = "Only cases carrying this finding code" };
        var sort = new Option<string>("--sort") { Description = "relevance (default), submittedAt or rating", DefaultValueFactory = _ => SearchSorts.Relevance };
        sort.AcceptOnlyFromAmong(SearchSorts.Relevance, SearchSorts.SubmittedAt, SearchSorts.Rating);
        var limit = new Option<int>("--limit") { Description = "Hits to show (default 10)", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (paging)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (snippets keep their <em> marks)" };
        var command = new Command("search", "Searches the indexed cases (Chinese full text, filters, facets)")
        {
            text, type, verdict, edition, recommender, finding, sort, limit, offset, json, services.IndexOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var query = new SearchQuery
            {
                Text = string.Join(' ', parseResult.GetValue(text) ?? []),
                Type = parseResult.GetValue(type),
                Verdict = parseResult.GetValue(verdict),
                Edition = parseResult.GetValue(edition),
                Recommender = parseResult.GetValue(recommender),
                FindingCode = parseResult.GetValue(finding),
                Sort = parseResult.GetValue(sort) ?? SearchSorts.Relevance,
                Limit = Math.Max(0, parseResult.GetValue(limit)),
                Offset = Math.Max(0, parseResult.GetValue(offset)),
            };
            await using var provider = services.CreateProvider(parseResult);
            var result = await provider.GetRequiredService<ISearchIndex>().SearchAsync(query, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await services.Output.WriteLineAsync(JsonSerializer.Serialize(result, s_json));
            }
            else
            {
                var colour = ReferenceEquals(services.Output, Console.Out) && !Console.IsOutputRedirected
                    && Environment.GetEnvironmentVariable("NO_COLOR") is null;
                await services.Output.WriteAsync(SearchResultText.Render(query, result, colour));
            }

            return 0;
        });
        return command;
    }

    /// <summary>A result as text for people: on a terminal the matches are coloured, elsewhere bracketed 【…】.</summary>
    private static class SearchResultText
    {
        private const string MarkOn = "\u001b[1;31m";
        private const string MarkOff = "\u001b[0m";

        public static string Render(SearchQuery query, SearchResult result, bool colour)
        {
            var text = new StringBuilder();
            var what = string.IsNullOrWhiteSpace(query.Text) ? "cases in the index" : $"cases match “{query.Text}”";
            text.AppendLine($"{result.Total} {what}");
            var rank = query.Offset;
            foreach (var hit in result.Hits)
            {
                rank++;
                text.AppendLine();
                text.AppendLine($"{rank}. {hit.SubmissionId}  {hit.Title}");
                text.AppendLine($"   {hit.Applicant} · {hit.Recommender} · 第{hit.Edition}届 · {hit.Type ?? "类型未定"} · {hit.Verdict}"
                                + (hit.SubmittedAt is { } at ? $" · {at:yyyy-MM-dd}" : "")
                                + (query.Sort == SearchSorts.Relevance && !string.IsNullOrWhiteSpace(query.Text) ? $" · score {hit.Score:F2}" : ""));
                foreach (var snippet in hit.Highlights)
                {
                    text.AppendLine("   " + Snippet(snippet, colour));
                }
            }

            text.AppendLine();
            foreach (var (facet, counts) in result.Facets)
            {
                if (counts.Count > 0)
                {
                    text.AppendLine($"{facet}: " + string.Join("  ", counts.Select(c => $"{c.Value} ({c.Count})")));
                }
            }

            return text.ToString();
        }

        private static string Snippet(string html, bool colour) =>
            WebUtility.HtmlDecode(html.Replace("<em>", colour ? MarkOn : "【", StringComparison.Ordinal)
                .Replace("</em>", colour ? MarkOff : "】", StringComparison.Ordinal));
    }
}
