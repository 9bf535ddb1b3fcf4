using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Logging;
using CaseIngest.Messaging.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Enqueue;

/// <summary>Bulk submission: copies each package into the inbox (so every worker machine can read it) and publishes
/// one message per package, each confirmed by the broker before the next is counted as queued.</summary>
public sealed class SubmissionEnqueuer(
    BrokerConnector connector,
    IOptions<RabbitMqOptions> rabbit,
    IOptions<InboxOptions> inbox,
    TimeProvider clock,
    ILogger<SubmissionEnqueuer> logger)
{
    public async Task<EnqueueSummary> EnqueueAsync(IReadOnlyList<string> packagePaths, IProgress<EnqueueProgress>? progress,
        CancellationToken cancellationToken)
    {
        var options = rabbit.Value;
        await using var connection = await connector.ConnectAsync("caseingest-enqueue", cancellationToken);
        await using var channel = await BrokerConnector.CreateConfirmingChannelAsync(connection, cancellationToken);
        await SubmissionTopology.DeclareAsync(channel, options, cancellationToken);

        var results = new List<EnqueueResult>(packagePaths.Count);
        for (var i = 0; i < packagePaths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await EnqueueOneAsync(channel, packagePaths[i], cancellationToken);
            results.Add(result);
            progress?.Report(new EnqueueProgress(i + 1, packagePaths.Count, result));
        }

        return new EnqueueSummary(results);
    }

    private async Task<EnqueueResult> EnqueueOneAsync(IChannel channel, string packagePath, CancellationToken cancellationToken)
    {
        string? copy = null;
        try
        {
            if (!File.Exists(packagePath) && !Directory.Exists(packagePath))
            {
                return EnqueueResult.Failed(packagePath, "not found");
            }

            var manifest = PackageManifestReader.Read(packagePath);
            var submissionId = manifest.SubmissionId ?? Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(packagePath));
            copy = CopyIntoInbox(packagePath, submissionId);
            var message = new SubmissionMessage
            {
                SubmissionId = submissionId,
                // Relative to the inbox: machines may mount the shared inbox at different paths.
                PackageUri = Path.GetRelativePath(inbox.Value.FullPath, copy).Replace(Path.DirectorySeparatorChar, '/'),
                Edition = manifest.Edition,
                Recommender = manifest.Recommender,
                // Unknown stays unknown: the deadline is checked against the submission system's time, never the
                // time a package reached us (DESIGN.md, submitted_at_unknown).
                SubmittedAt = manifest.SubmittedAt,
            };

            var messageId = $"{submissionId}/{Guid.NewGuid():N}";
            var properties = new BasicProperties
            {
                MessageId = messageId,
                ContentType = SubmissionMessage.ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                Timestamp = new AmqpTimestamp(clock.GetUtcNow().ToUnixTimeSeconds()),
            };
            await channel.BasicPublishAsync("", rabbit.Value.Queue, mandatory: true, properties, message.ToUtf8Json(), cancellationToken);
            logger.Queued(submissionId, messageId);
            return EnqueueResult.Queued(packagePath, submissionId, messageId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PublishException
                                       or AlreadyClosedException or OperationInterruptedException)
        {
            if (copy is not null)
            {
                DeleteQuietly(copy);
            }

            logger.CouldNotQueue(packagePath, ex.Message);
            return EnqueueResult.Failed(packagePath, ex.Message);
        }
    }

    private string CopyIntoInbox(string packagePath, string submissionId)
    {
        // One folder per enqueue, so a resubmission never overwrites a package a worker may be reading.
        var safeId = string.Concat(submissionId.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var unique = Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(inbox.Value.FullPath, $"{clock.GetUtcNow():yyyyMMdd}", $"{safeId[..Math.Min(safeId.Length, 100)]}-{unique}");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(Path.TrimEndingDirectorySeparator(packagePath)));
        if (Directory.Exists(packagePath))
        {
            CopyDirectory(packagePath, target);
        }
        else
        {
            File.Copy(packagePath, target);
        }

        return target;
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Leftover copies are harmless: no message points at them.
        }
    }
}

/// <summary>How far a bulk enqueue is.</summary>
public sealed record EnqueueProgress(int Done, int Total, EnqueueResult Last);

/// <summary>One package's outcome.</summary>
public sealed record EnqueueResult(string PackagePath, string? SubmissionId, string? MessageId, string? Error)
{
    public bool Succeeded => Error is null;

    public static EnqueueResult Queued(string path, string submissionId, string messageId) => new(path, submissionId, messageId, null);

    public static EnqueueResult Failed(string path, string error) => new(path, null, null, error);
}

/// <summary>Every package's outcome.</summary>
public sealed record EnqueueSummary(IReadOnlyList<EnqueueResult> Results)
{
    public int Queued => Results.Count(r => r.Succeeded);

    public int Failed => Results.Count(r => !r.Succeeded);
}
