using CaseIngest.Abstractions.Records;

namespace CaseIngest.Host.Ingest;

/// <summary>Records as JSON Lines, one per line, safe to call from parallel package runs.</summary>
public sealed class JsonLinesWriter : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public JsonLinesWriter(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
    }

    public async Task WriteAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var line = CaseRecordJson.Serialize(record);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _gate.Dispose();
    }
}
