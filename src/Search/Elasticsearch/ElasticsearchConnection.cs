using System.Globalization;
using System.Runtime.CompilerServices;
using CaseIngest.Search.Configuration;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>The process's one connection to the cluster: the official <see cref="ElasticsearchClient"/> and our retry
/// policy around it. The client moves a failed request on to another node, but does not retry a node that answers
/// 429 (queue full) or 5xx, nor bulk items refused with 429: this does, with exponential backoff or the server's
/// Retry-After. Failures surface as the client's <see cref="TransportException"/>, with its debug information.</summary>
public sealed class ElasticsearchConnection : IDisposable
{
    private const int PageSize = 500;
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(200);

    private readonly ElasticsearchOptions _options;
    private readonly ILogger<ElasticsearchConnection> _logger;
    private readonly TimeProvider _time;

    public ElasticsearchConnection(IOptions<SearchOptions> options, ILogger<ElasticsearchConnection> logger, TimeProvider? time = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        _options = options.Value.Elasticsearch;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Client = ElasticsearchClientFactory.Create(_options, wrapHandler);
    }

    public ElasticsearchClient Client { get; }

    /// <summary>Runs <paramref name="call"/>, again after a backoff while the answer is 429 or 5xx, and throws unless
    /// the final answer is a success or one of <paramref name="allowedStatuses"/> (such as 404 for "not there").</summary>
    public async Task<TResponse> CallAsync<TResponse>(string operation, Func<ElasticsearchClient, CancellationToken, Task<TResponse>> call,
        CancellationToken cancellationToken, params int[] allowedStatuses)
        where TResponse : ElasticsearchResponse
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await call(Client, cancellationToken);
            var details = response.ApiCallDetails;
            var status = details.HttpStatusCode;
            // An allowed status is an answer, not a failure, although the client records an error for it.
            if (status is { } s && allowedStatuses.Contains(s) || details.OriginalException is null && details.HasSuccessfulStatusCode)
            {
                return response;
            }

            // No node answered after the client failed over through every node it knew: a node restarting, or the
            // pool reseeded by a sniff mid-request (the client then counts its retries against the new, shorter list).
            var noNodeAnswered = status is null && details.OriginalException is TransportException { FailureReason: PipelineFailure.MaxRetriesReached };
            if ((status is 429 or >= 500 || noNodeAnswered) && attempt < _options.MaxRetries)
            {
                var delay = RetryAfter(details) ?? Backoff(attempt);
                _logger.ElasticsearchRetry(status ?? 0, details.HttpMethod.ToString(), details.Uri?.AbsolutePath ?? operation, attempt + 1, delay);
                await Task.Delay(delay, _time, cancellationToken);
                continue;
            }

            var reason = response.ElasticsearchServerError?.Error?.ToString() ?? details.OriginalException?.Message ?? "(no body)";
            throw new TransportException(PipelineFailure.BadResponse,
                $"Elasticsearch answered {status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} to {operation}: {reason}", response);
        }
    }

    /// <summary>Sends bulk operations with <c>refresh=wait_for</c> (they are searchable when this returns); items
    /// refused with 429 are sent again with backoff, other refused items throw naming each document. A delete of a
    /// document that is not there is not a failure.</summary>
    public async Task BulkAsync(IReadOnlyList<IBulkOperation> operations, CancellationToken cancellationToken)
    {
        var pending = operations;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var sent = pending;
            var response = await CallAsync("bulk", (client, token) =>
                client.BulkAsync(new BulkRequest { Operations = new BulkOperationsCollection(sent), Refresh = Refresh.WaitFor }, token), cancellationToken);
            if (!response.Errors)
            {
                return;
            }

            var retry = new List<IBulkOperation>();
            var failures = new List<string>();
            foreach (var (item, operation) in response.Items.Zip(sent))
            {
                if (item.Status == 429)
                {
                    retry.Add(operation);
                }
                else if (!item.IsValid && !(item.Operation == "delete" && item.Status == 404))
                {
                    failures.Add($"{item.Id}: {(item.Error is { } error ? $"{error.Type}: {error.Reason}" : item.Status.ToString(CultureInfo.InvariantCulture))}");
                }
            }

            if (failures.Count > 0)
            {
                throw new TransportException(PipelineFailure.BadResponse, "Elasticsearch refused documents: " + string.Join("; ", failures), response);
            }

            if (retry.Count > 0 && attempt >= _options.MaxRetries)
            {
                throw new TransportException(PipelineFailure.MaxRetriesReached,
                    $"Elasticsearch kept answering 429 to {retry.Count} bulk items after {_options.MaxRetries} retries", response);
            }

            if (retry.Count > 0)
            {
                var delay = Backoff(attempt);
                _logger.ElasticsearchRetry(429, "POST", "/_bulk", attempt + 1, delay);
                await Task.Delay(delay, _time, cancellationToken);
            }

            pending = retry;
        }
    }

    /// <summary>Every hit of <paramref name="query"/> on <paramref name="index"/> in the order of
    /// <paramref name="sortField"/> (unique per hit), a page at a time with <c>search_after</c>.</summary>
    public async IAsyncEnumerable<Hit<TDocument>> SearchAllAsync<TDocument>(string index, Query query, string sortField, SourceConfig? source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FieldValue? after = null;
        while (true)
        {
            var response = await CallAsync($"read {index}", (client, token) => client.SearchAsync<TDocument>(s =>
            {
                s.Indices(index).Size(PageSize).Query(query).Sort(new FieldSort { Field = sortField, Order = SortOrder.Asc });
                if (source is not null)
                {
                    s.Source(source);
                }

                if (after is { } last)
                {
                    s.SearchAfter(last);
                }
            }, token), cancellationToken);
            foreach (var hit in response.Hits)
            {
                after = hit.Sort?.FirstOrDefault();
                yield return hit;
            }

            if (response.Hits.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Creates <paramref name="index"/> with <paramref name="mappings"/> unless it exists (another process
    /// creating it at the same moment is no failure).</summary>
    public async Task EnsureIndexAsync(string index, TypeMapping mappings, CancellationToken cancellationToken)
    {
        var exists = await CallAsync($"exists {index}", (client, token) => client.Indices.ExistsAsync(index, token), cancellationToken, 404);
        if (exists.Exists)
        {
            return;
        }

        var created = await CallAsync($"create {index}", (client, token) => client.Indices.CreateAsync(index, c => c
            .Settings(new IndexSettings { NumberOfShards = 1 }).Mappings(mappings), token), cancellationToken, 400);
        if (created.ApiCallDetails.HttpStatusCode == 400 && created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
        {
            throw new TransportException(PipelineFailure.BadResponse, $"Elasticsearch refused to create {index}: {created.ElasticsearchServerError?.Error}", created);
        }
    }

    public void Dispose() => (Client.ElasticsearchClientSettings as IDisposable)?.Dispose();

    private static TimeSpan Backoff(int attempt) => s_firstBackoff * Math.Pow(2, attempt);

    private static TimeSpan? RetryAfter(ApiCallDetails details) =>
        details.TryGetHeader("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
