using Elastic.Clients.Elasticsearch.Mapping;

namespace CaseIngest.Search.Elasticsearch.People;

/// <summary>An index of a store's own (not behind the cases' alias, so <c>reindex</c> never touches it), created with
/// its mappings on first use, once per process.</summary>
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

    public void Dispose() => _gate.Dispose();
}
