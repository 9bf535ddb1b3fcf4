using System.Buffers;
using System.Text.Json;

namespace CaseIngest.Abstractions.Records;

/// <summary>A record's JSON, kept in a buffer borrowed from the shared pool until disposed: the record as it was, to
/// restore if what changes it next fails. The pipeline takes one before every step and enricher, six a package of some
/// 100 KB each: past the large-object threshold, where a buffer taken afresh each time counts toward the next gen 2
/// collection (25 of them in 200 packages before this, docs/BENCHMARKS.md, session 11). The report's text is kept
/// beside the JSON as the string it is (see <see cref="Of"/>).</summary>
public sealed class RecordSnapshot : IDisposable
{
    // A record with its report text is some 100 KB of JSON: one buffer holds it without a copy.
    private const int FirstBufferSize = 128 * 1024;

    private byte[]? _buffer;
    private int _length;
    private string? _reportText;

    private RecordSnapshot(byte[] buffer) => _buffer = buffer;

    /// <summary>Serialises <paramref name="record"/> into a pooled buffer. The report's text is kept by reference, not
    /// written: a string never changes, and escaping and transcoding it was most of a snapshot's cost (perf, #20,
    /// session 20). <paramref name="options"/> may leave it out of the JSON (<see cref="CaseRecordJson"/>'s do).</summary>
    public static RecordSnapshot Of(CaseRecord record, JsonSerializerOptions options)
    {
        var snapshot = new RecordSnapshot(ArrayPool<byte>.Shared.Rent(FirstBufferSize)) { _reportText = record.Report?.Text };
        try
        {
            using var writer = new Utf8JsonWriter(new Writer(snapshot), new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
            JsonSerializer.Serialize(writer, record, options);
            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>A new record as it was when the snapshot was taken.</summary>
    public CaseRecord Restore(JsonSerializerOptions options)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(RecordSnapshot));
        var record = JsonSerializer.Deserialize<CaseRecord>(buffer.AsSpan(0, _length), options)
            ?? throw new JsonException("A case record snapshot was null.");
        if (record.Report is { } report)
        {
            report.Text = _reportText;
        }

        return record;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The JSON writer's output: the snapshot's buffer, swapped for one twice the size when it fills.</summary>
    private sealed class Writer(RecordSnapshot snapshot) : IBufferWriter<byte>
    {
        public void Advance(int count) => snapshot._length += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(snapshot._length);

        public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(snapshot._length);

        private byte[] Reserve(int sizeHint)
        {
            var buffer = snapshot._buffer!;
            var needed = snapshot._length + Math.Max(sizeHint, 1);
            if (needed <= buffer.Length)
            {
                return buffer;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
            buffer.AsSpan(0, snapshot._length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            snapshot._buffer = larger;
            return larger;
        }
    }
}
