using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Mapping;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>An index of a store's own (not behind the cases' alias, so <c>reindex</c> never touches it), created with
/// its mappings on first use, once per process; and the optimistic read-then-write of one of its documents that the
/// stores share.</summary>
internal sealed class ElasticsearchOwnIndex(ElasticsearchConnection connection, string name, TypeMapping mappings) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    public string Name => name;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await connection.EnsureIndexAsync(name, mappings, cancellationToken);
                Volatile.Write(ref _created, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A document as it stands now (real-time), <c>Found</c> false when there is none.</summary>
    public Task<GetResponse<TDocument>> ReadAsync<TDocument>(string id, string operation, CancellationToken cancellationToken) =>
        connection.CallAsync(operation, (client, token) => client.GetAsync<TDocument>(name, id, token), cancellationToken, 404);

    /// <summary>Writes the document only if nobody wrote it since <paramref name="read"/> (<c>if_seq_no</c> and
    /// <c>if_primary_term</c>; <c>op_type=create</c> when it was not there). False when somebody did: read it again.</summary>
    public async Task<bool> WriteIfUnchangedAsync<TDocument>(string id, TDocument document, GetResponse<TDocument> read, string operation,
        CancellationToken cancellationToken)
    {
        var written = await connection.CallAsync(operation, (client, token) => client.IndexAsync(document, i =>
        {
            i.Index(name).Id(id);
            if (read.Found)
            {
                i.IfSeqNo(read.SeqNo).IfPrimaryTerm(read.PrimaryTerm);
            }
            else
            {
                i.OpType(OpType.Create);
            }
        }, token), cancellationToken, 409);
        return written.ApiCallDetails.HttpStatusCode != 409;
    }

    public void Dispose() => _gate.Dispose();
}
