using CaseIngest.Abstractions.Records;

namespace CaseIngest.Host.Ingest;

/// <summary>Records as JSON Lines, one per line, safe to call from parallel package runs — the one format
/// <c>ingest --out</c> and <c>records</c> write and <c>train</c> reads.</summary>
public sealed class JsonLinesWriter : IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Writes a new file at <paramref name="path"/> (UTF-8 without a byte-order mark), its folder made if missing.</summary>
    public JsonLinesWriter(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        _ownsWriter = true;
    }

    /// <summary>Writes to a writer someone else owns (standard output): flushed, never closed, when this is disposed.</summary>
    public JsonLinesWriter(TextWriter writer)
    {
        _writer = writer;
        _ownsWriter = false;
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
        if (_ownsWriter)
        {
            await _writer.DisposeAsync();
        }
        else
        {
            await _writer.FlushAsync();
        }

        _gate.Dispose();
    }
}
