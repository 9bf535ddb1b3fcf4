using CaseIngest.Search.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Embedded;

/// <summary>The embedded SQLite file that holds the audit trail and earlier record versions. WAL with synchronous=FULL:
/// a commit is on disk before it returns (people's work is never lost), and readers do not block the writer.
/// Append-only is enforced by the schema itself (triggers refuse UPDATE and DELETE of audit rows).</summary>
public sealed class ReviewDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS audit_events (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            submission_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            at TEXT NOT NULL,
            what TEXT NOT NULL,
            subject TEXT NULL,
            before_value TEXT NULL,
            after_value TEXT NULL,
            revision INTEGER NOT NULL,
            package_version INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_events_by_case ON audit_events (submission_id, sequence);
        CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TABLE IF NOT EXISTS record_versions (
            submission_id TEXT NOT NULL,
            package_version INTEGER NOT NULL,
            package_sha256 TEXT NULL,
            kept_at TEXT NOT NULL,
            record TEXT NOT NULL,
            PRIMARY KEY (submission_id, package_version));
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _created = new(1, 1);
    private volatile bool _ready;

    public ReviewDatabase(IOptions<ReviewDatabaseOptions> options, IOptions<SearchOptions> search)
    {
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.DatabasePath)
            ? System.IO.Path.Combine(search.Value.Lucene.Path, ReviewDatabaseOptions.DefaultFileName)
            : options.Value.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    /// <summary>An open connection on a database whose schema exists, synchronous=FULL.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await _created.WaitAsync(cancellationToken);
            try
            {
                if (!_ready)
                {
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                    await using var setup = new SqliteConnection(_connectionString);
                    await setup.OpenAsync(cancellationToken);
                    await ExecuteAsync(setup, Schema, cancellationToken);
                    _ready = true;
                }
            }
            finally
            {
                _created.Release();
            }
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", cancellationToken);
        return connection;
    }

    /// <summary>Closes the pooled connections, so that the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _created.Dispose();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
