using System.Buffers;
using System.Globalization;
using System.Text;

namespace CaseIngest.Search.Lucene;

/// <summary>
/// The index's write-ahead journal: every record handed to the writer is appended here and flushed to the disk before
/// its save returns, so a save is durable without a Lucene commit of its own (a commit flushes a segment, fsyncs a dozen
/// files and feeds the merges: most of a package's indexing cost when each record had one). Commits come later and
/// cover many records; each starts a new journal file and deletes the ones it covered once it is done. A process that
/// opens the index after a crash replays what the journal holds beyond the last commit, in the order it was written.
/// </summary>
/// <remarks>
/// One line per write: <c>U\t{record json}</c> for an upsert, <c>D\t{submission id}</c> for a delete (System.Text.Json
/// escapes every control character, so a record is one line). A torn last line (a crash inside a write) was never
/// acknowledged and is skipped. The files live in the generation's directory under names Lucene never touches.
/// </remarks>
internal sealed class LuceneWriteJournal : IDisposable
{
    private const string Prefix = "caseingest-journal-";
    private const string Extension = ".log";
    private const char Upsert = 'U';
    private const char Delete = 'D';

    private readonly string _directory;
    private readonly Lock _gate = new();
    private FileStream? _file;
    private long _sequence;

    public LuceneWriteJournal(string directory)
    {
        _directory = directory;
        _sequence = Files(directory).Select(f => f.Sequence).DefaultIfEmpty(0).Max();
    }

    /// <summary>An entry to replay: a record's json, or a deleted submission id.</summary>
    public sealed record Entry(string? RecordJson, string? DeletedId);

    /// <summary>What the journal files of <paramref name="directory"/> hold, oldest first.</summary>
    public static IEnumerable<Entry> ReadAll(string directory)
    {
        foreach (var (path, _) in Files(directory))
        {
            foreach (var entry in ReadFile(path))
            {
                yield return entry;
            }
        }
    }

    public static bool Any(string directory) => Files(directory).Count > 0;

    /// <summary>Appends the writes and flushes them to the disk (fsync) before returning.</summary>
    public void Append(IReadOnlyList<string> recordJson, IReadOnlyList<string> deletedIds)
    {
        // Encoded straight into one borrowed buffer: a record's JSON is 32,000–42,000 characters on the corpus, and
        // building the lines as a string first copied it into a StringBuilder, a string and then its bytes for every save.
        var length = 0;
        foreach (var json in recordJson)
        {
            length += LineLength(json);
        }

        foreach (var id in deletedIds)
        {
            length += LineLength(id);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var json in recordJson)
            {
                written += WriteLine(Upsert, json, buffer.AsSpan(written));
            }

            foreach (var id in deletedIds)
            {
                written += WriteLine(Delete, id, buffer.AsSpan(written));
            }

            lock (_gate)
            {
                _file ??= Open(++_sequence);
                _file.Write(buffer, 0, written);
                _file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes of one line: its kind, a tab, the text, a newline.</summary>
    private static int LineLength(string text) => 2 + Encoding.UTF8.GetByteCount(text) + 1;

    private static int WriteLine(char kind, string text, Span<byte> destination)
    {
        destination[0] = (byte)kind;
        destination[1] = (byte)'\t';
        var length = 2 + Encoding.UTF8.GetBytes(text, destination[2..]);
        destination[length] = (byte)'\n';
        return length + 1;
    }

    /// <summary>Starts a new file for the writes that follow; returns the sequence number up to which the files hold
    /// only writes made before this call (<see cref="DeleteThrough"/> removes them once a commit covers them).</summary>
    public long Rotate()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
            return _sequence;
        }
    }

    /// <summary>Deletes the files up to <paramref name="sequence"/>: a commit holds everything they say.</summary>
    public void DeleteThrough(long sequence)
    {
        foreach (var (path, _) in Files(_directory).Where(f => f.Sequence <= sequence))
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private FileStream Open(long sequence) =>
        new(Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sequence:D8}{Extension}")),
            FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);

    private static List<(string Path, long Sequence)> Files(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
            .Select(path => (Path: path, Sequence: long.TryParse(Path.GetFileNameWithoutExtension(path)[Prefix.Length..],
                NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : -1))
            .Where(f => f.Sequence >= 0)
            .OrderBy(f => f.Sequence)
            .ToList();
    }

    private static IEnumerable<Entry> ReadFile(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield break; // torn: the write never returned
            }

            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (line.Length < 2 || line[1] != '\t')
            {
                continue;
            }

            var value = line[2..].ToString();
            yield return line[0] == Upsert ? new Entry(value, null) : new Entry(null, value);
        }
    }
}
