using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Embedded;

namespace CaseIngest.Search.History;

/// <summary>The embedded record history: rows of <c>record_versions</c> in <see cref="ReviewDatabase"/>.</summary>
public sealed class SqliteRecordHistory(ReviewDatabase database, TimeProvider clock) : IRecordHistory
{
    public async Task KeepAsync(CaseRecord superseded, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO record_versions (submission_id, package_version, package_sha256, kept_at, record)
            VALUES ($id, $version, $sha, $at, $record)
            """;
        command.Parameters.AddWithValue("$id", superseded.SubmissionId);
        command.Parameters.AddWithValue("$version", superseded.PackageVersion);
        command.Parameters.AddWithValue("$sha", (object?)superseded.PackageSha256 ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$record", CaseRecordJson.Serialize(superseded));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(string submissionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM record_versions WHERE submission_id = $id ORDER BY package_version";
        command.Parameters.AddWithValue("$id", submissionId);
        var records = new List<CaseRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(CaseRecordJson.Deserialize(reader.GetString(0)));
        }

        return records;
    }
}
