using System.Globalization;
using System.Runtime.CompilerServices;
using CaseIngest.Search.Embedded;
using Microsoft.Data.Sqlite;

namespace CaseIngest.Search.Audit;

/// <summary>The embedded audit store: rows of <c>audit_events</c> in <see cref="ReviewDatabase"/>, one transaction per change.</summary>
public sealed class SqliteAuditStore(ReviewDatabase database) : IAuditStore
{
    private const string Columns = "sequence, submission_id, actor, role, at, what, subject, before_value, after_value, revision, package_version";

    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_events (submission_id, actor, role, at, what, subject, before_value, after_value, revision, package_version)
            VALUES ($id, $actor, $role, $at, $what, $subject, $before, $after, $revision, $version)
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var actor = command.Parameters.Add("$actor", SqliteType.Text);
        var role = command.Parameters.Add("$role", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Text);
        var what = command.Parameters.Add("$what", SqliteType.Text);
        var subject = command.Parameters.Add("$subject", SqliteType.Text);
        var before = command.Parameters.Add("$before", SqliteType.Text);
        var after = command.Parameters.Add("$after", SqliteType.Text);
        var revision = command.Parameters.Add("$revision", SqliteType.Integer);
        var version = command.Parameters.Add("$version", SqliteType.Integer);
        foreach (var e in events)
        {
            id.Value = e.SubmissionId;
            actor.Value = e.Actor;
            role.Value = e.Role;
            at.Value = e.At.ToString("O", CultureInfo.InvariantCulture);
            what.Value = e.What;
            subject.Value = (object?)e.Subject ?? DBNull.Value;
            before.Value = (object?)e.Before ?? DBNull.Value;
            after.Value = (object?)e.After ?? DBNull.Value;
            revision.Value = e.Revision;
            version.Value = e.PackageVersion;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string submissionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_events WHERE submission_id = $id ORDER BY sequence";
        command.Parameters.AddWithValue("$id", submissionId);
        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public async IAsyncEnumerable<AuditEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_events ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    private static AuditEvent Read(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        SubmissionId = reader.GetString(1),
        Actor = reader.GetString(2),
        Role = reader.GetString(3),
        At = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        What = reader.GetString(5),
        Subject = reader.IsDBNull(6) ? null : reader.GetString(6),
        Before = reader.IsDBNull(7) ? null : reader.GetString(7),
        After = reader.IsDBNull(8) ? null : reader.GetString(8),
        Revision = reader.GetInt64(9),
        PackageVersion = reader.GetInt32(10),
    };
}
