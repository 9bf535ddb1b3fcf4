using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using CaseIngest.Search.Audit;
using CaseIngest.Search.Configuration;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>The audit trail in Elasticsearch (<c>Search:Provider=Elasticsearch</c>): the index <c>{Alias}-audit</c> of
/// its own, never touched by <c>reindex</c>. Events are created, never replaced (<c>op_type=create</c> on the
/// sequence as id); the sequence is reserved from a counter document with optimistic concurrency, so processes on
/// several machines append in one order.</summary>
public sealed class ElasticsearchAuditStore(ElasticsearchConnection connection, IOptions<SearchOptions> options) : IAuditStore, IDisposable
{
    private const string CounterId = "sequence";
    private const int MaxReservations = 100;

    private readonly ElasticsearchOwnIndex _index = new(connection, options.Value.Elasticsearch.Alias + "-audit", AuditEventSource.Mappings());

    public string Index => _index.Name;

    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await _index.EnsureAsync(cancellationToken);
        var first = await ReserveAsync(events.Count, cancellationToken);
        var operations = events.Select((e, i) => (IBulkOperation)new BulkCreateOperation<AuditEventSource>(AuditEventSource.From(e, first + i), Index)
        {
            Id = (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        await connection.BulkAsync(operations, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string submissionId, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var e in ReadAsync(new TermQuery(AuditEventSource.SubmissionIdField, submissionId), cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    public IAsyncEnumerable<AuditEvent> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync(new ExistsQuery { Field = AuditEventSource.SequenceField }, cancellationToken);

    public void Dispose() => _index.Dispose();

    private async IAsyncEnumerable<AuditEvent> ReadAsync(Query query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken);
        await foreach (var hit in connection.SearchAllAsync<AuditEventSource>(Index, query, AuditEventSource.SequenceField, null, cancellationToken))
        {
            yield return hit.Source!.ToEvent();
        }
    }

    /// <summary>The first of <paramref name="count"/> sequence numbers: the counter moves on only if nobody moved it
    /// since it was read (a conflict reads it again).</summary>
    private async Task<long> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxReservations; attempt++)
        {
            var current = await _index.ReadAsync<SequenceSource>(CounterId, "read the audit sequence", cancellationToken);
            var first = current.Found ? current.Source!.Next : 1;
            if (await _index.WriteIfUnchangedAsync(CounterId, new SequenceSource { Next = first + count }, current, "move the audit sequence", cancellationToken))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"The audit sequence in {Index} kept changing under {MaxReservations} attempts to reserve {count}");
    }

    /// <summary>The audit sequence's counter document.</summary>
    internal sealed class SequenceSource
    {
        [JsonPropertyName("next")]
        public long Next { get; init; }
    }
}
