using System.Diagnostics;
using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Contracts;
using CaseIngest.Messaging.Logging;
using CaseIngest.Messaging.Telemetry;
using CaseIngest.Messaging.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Worker;

/// <summary>One connection's worth of consuming: from connect to connection loss or shutdown. The worker makes a
/// new session after each loss, so nothing here survives a broker restart (delivery tags, channels, in-flight work).</summary>
internal sealed class ConsumerSession : IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly PackageLanes _lanes;
    private readonly IServiceScopeFactory _scopes;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly InFlightTracker _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _consumeChannel;
    private IChannel? _publishChannel;
    private string? _consumerTag;
    private ushort _prefetch;
    private Task _followingWorkers = Task.CompletedTask;

    private ConsumerSession(RabbitMqOptions options, PackageLanes lanes, IServiceScopeFactory scopes, WorkerMetrics metrics,
        ILogger logger)
    {
        _options = options;
        _lanes = lanes;
        _scopes = scopes;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Completes with a description when the connection or the consuming channel is gone.</summary>
    public Task<string> Lost => _lost.Task;

    public static async Task<ConsumerSession> StartAsync(BrokerConnector connector, RabbitMqOptions options, PackageLanes lanes,
        IServiceScopeFactory scopes, WorkerMetrics metrics, ILogger logger, CancellationToken cancellationToken)
    {
        var session = new ConsumerSession(options, lanes, scopes, metrics, logger);
        try
        {
            await session.OpenAsync(connector, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task OpenAsync(BrokerConnector connector, CancellationToken cancellationToken)
    {
        _connection = await connector.ConnectAsync("caseingest-worker", _options.EffectiveConcurrency, cancellationToken);
        _connection.ConnectionShutdownAsync += (_, args) =>
        {
            _lost.TrySetResult($"connection closed: {args.ReplyCode} {args.ReplyText}");
            return Task.CompletedTask;
        };

        _publishChannel = await BrokerConnector.CreateConfirmingChannelAsync(_connection, cancellationToken);
        await SubmissionTopology.DeclareAsync(_publishChannel, _options, cancellationToken);

        _consumeChannel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)_options.EffectiveConcurrency), cancellationToken);
        _consumeChannel.ChannelShutdownAsync += (_, args) =>
        {
            _lost.TrySetResult($"consumer channel closed: {args.ReplyCode} {args.ReplyText}");
            return Task.CompletedTask;
        };
        var prefetch = Prefetch();
        await _consumeChannel.BasicQosAsync(0, prefetch, global: false, cancellationToken);
        _metrics.PrefetchChanged(0, prefetch);
        _prefetch = prefetch;

        var consumer = new AsyncEventingBasicConsumer(_consumeChannel);
        consumer.ReceivedAsync += OnReceivedAsync;
        _consumerTag = await _consumeChannel.BasicConsumeAsync(_options.Queue, autoAck: false, consumer, cancellationToken);
        _logger.Consuming(_options.Queue, _prefetch, _options.EffectiveConcurrency, _lanes.Count, _lanes.Folder);
        if (_options.Prefetch == 0 && _lanes.Count is not null)
        {
            _followingWorkers = FollowTheMachinesWorkersAsync(_abort.Token);
        }
    }

    /// <summary>The prefetch in force: the configured one, or this worker's share of the machine's package lanes.</summary>
    private ushort Prefetch() => _options.PrefetchFor(_lanes.FairShare(_options.EffectiveConcurrency));

    /// <summary>Keeps the prefetch at this worker's share as worker processes start and stop on the machine. A message
    /// already held is worked on; the broker only sends fewer (or more) from then on.</summary>
    private async Task FollowTheMachinesWorkersAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_lanes.RecountPause);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var prefetch = Prefetch();
                if (prefetch != _prefetch)
                {
                    await _consumeChannel!.BasicQosAsync(0, prefetch, global: false, cancellationToken);
                    _logger.PrefetchFollowsWorkers(_prefetch, prefetch);
                    _metrics.PrefetchChanged(_prefetch, prefetch);
                    _prefetch = prefetch;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The session ends.
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException
                                       or ObjectDisposedException)
        {
            // The channel is gone with the session; the next session starts from a new count.
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        if (!_inFlight.TryEnter())
        {
            // Stopping: leave it unacknowledged; the broker hands it to another worker when the channel closes.
            return;
        }

        try
        {
            await HandleDeliveryAsync(delivery);
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async Task HandleDeliveryAsync(BasicDeliverEventArgs delivery)
    {
        var started = Stopwatch.GetTimestamp();
        var properties = delivery.BasicProperties;
        var attempt = (int)(HeaderValues.GetInteger(properties.Headers, MessageHeaders.Attempt) ?? 1);
        HandlingResult result;
        try
        {
            // Waiting for a lane is part of the message's time: the machine's other packages are ahead of it.
            using var lane = await _lanes.EnterAsync(_abort.Token);
            if (lane is not null)
            {
                _metrics.WaitedForLane(Stopwatch.GetElapsedTime(started));
            }

            await using var scope = _scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<SubmissionHandler>();
            var deliveryCount = (HeaderValues.GetInteger(properties.Headers, MessageHeaders.BrokerDeliveryCount) ?? 0) + 1;
            result = await handler.HandleAsync(delivery.Body, properties.ContentType, deliveryCount, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            _logger.HandingBack(properties.MessageId);
            await SettleAsync(c => c.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true), properties.MessageId);
            _metrics.Requeued();
            return;
        }

        try
        {
            switch (result.Kind)
            {
                case HandlingKind.Done:
                    await SettleAsync(c => c.BasicAckAsync(delivery.DeliveryTag, multiple: false), properties.MessageId);
                    _metrics.Processed(result.Verdict ?? "", delivery.Redelivered, Stopwatch.GetElapsedTime(started));
                    break;
                case HandlingKind.DeadLetter:
                    await DeadLetterAsync(delivery, result.DeadLetterKind!, result.Error!, lastError: null);
                    break;
                case HandlingKind.Retry when attempt < _options.MaxAttempts:
                    _metrics.Failed(Stopwatch.GetElapsedTime(started));
                    await RetryAsync(delivery, attempt + 1, result.Error!);
                    break;
                case HandlingKind.Retry:
                    _metrics.Failed(Stopwatch.GetElapsedTime(started));
                    await DeadLetterAsync(delivery, DeadLetterKinds.RetriesExhausted,
                        $"retries exhausted: failed {attempt} attempts", result.Error);
                    break;
            }
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or PublishException
                                       or IOException or ObjectDisposedException)
        {
            // The copy to the retry or dead-letter queue was not confirmed: keep the original, the broker redelivers it.
            _logger.CouldNotMove(ex, properties.MessageId);
            await SettleAsync(c => c.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true), properties.MessageId);
        }
    }

    private async Task RetryAsync(BasicDeliverEventArgs delivery, int nextAttempt, string error)
    {
        var headers = CopyHeaders(delivery.BasicProperties);
        headers[MessageHeaders.Attempt] = nextAttempt;
        headers[MessageHeaders.LastError] = HeaderValues.Truncate(error);
        var queue = _options.RetryQueueFor(nextAttempt);
        await PublishCopyAsync(delivery, queue, headers);
        await SettleAsync(c => c.BasicAckAsync(delivery.DeliveryTag, multiple: false), delivery.BasicProperties.MessageId);
        _metrics.Retried(nextAttempt);
        _logger.WillRetry(delivery.BasicProperties.MessageId, nextAttempt, _options.MaxAttempts,
            _options.EffectiveRetryDelays[nextAttempt - 2], error);
    }

    private async Task DeadLetterAsync(BasicDeliverEventArgs delivery, string kind, string reason, string? lastError)
    {
        var headers = CopyHeaders(delivery.BasicProperties);
        headers[MessageHeaders.DeadLetterReason] = HeaderValues.Truncate(reason);
        headers[MessageHeaders.DeadLetteredAt] = DateTimeOffset.UtcNow.ToString("O");
        headers[MessageHeaders.OriginalQueue] = _options.Queue;
        if (lastError is not null)
        {
            headers[MessageHeaders.LastError] = HeaderValues.Truncate(lastError);
        }

        await PublishCopyAsync(delivery, _options.DeadLetterQueue, headers);
        await SettleAsync(c => c.BasicAckAsync(delivery.DeliveryTag, multiple: false), delivery.BasicProperties.MessageId);
        _metrics.DeadLettered(kind);
        _logger.DeadLettered(delivery.BasicProperties.MessageId, _options.DeadLetterQueue, reason);
    }

    private async Task PublishCopyAsync(BasicDeliverEventArgs delivery, string queue, Dictionary<string, object?> headers)
    {
        var source = delivery.BasicProperties;
        var properties = new BasicProperties
        {
            MessageId = source.MessageId,
            ContentType = source.ContentType,
            Timestamp = source.Timestamp,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };

        // One publish at a time: confirms are tracked per channel and the dispatcher runs handlers concurrently.
        await _publishGate.WaitAsync();
        try
        {
            await _publishChannel!.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    private static Dictionary<string, object?> CopyHeaders(IReadOnlyBasicProperties properties) =>
        properties.Headers is null ? [] : new Dictionary<string, object?>(properties.Headers);

    private async Task SettleAsync(Func<IChannel, ValueTask> settle, string? messageId)
    {
        try
        {
            await settle(_consumeChannel!);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException
                                       or ObjectDisposedException)
        {
            // The channel died with the connection: the broker already took the message back and will redeliver it;
            // the index upsert by submissionId keeps the redelivery from indexing twice.
            _logger.CouldNotSettle(messageId, ex.Message);
        }
    }

    /// <summary>Graceful stop: no new deliveries, let in-flight ones finish within the deadline, then hand the rest
    /// back (their handlers see cancellation and nack with requeue).</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        if (_consumerTag is not null && _consumeChannel is { IsOpen: true })
        {
            try
            {
                await _consumeChannel.BasicCancelAsync(_consumerTag, noWait: false);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException
                                           or TimeoutException)
            {
                _logger.CouldNotCancel(ex.Message);
            }
        }

        var idle = _inFlight.CloseAndWaitIdleAsync();
        var inFlight = _inFlight.Count;
        if (inFlight > 0)
        {
            _logger.WaitingForInFlight(deadline, inFlight);
        }

        if (await Task.WhenAny(idle, Task.Delay(deadline)) != idle)
        {
            _logger.DeadlineReached(_inFlight.Count);
            await _abort.CancelAsync();
            await Task.WhenAny(idle, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_abort.IsCancellationRequested)
        {
            await _abort.CancelAsync();
        }

        await _followingWorkers;
        _metrics.PrefetchChanged(_prefetch, 0);
        foreach (var disposable in new IAsyncDisposable?[] { _consumeChannel, _publishChannel })
        {
            await DisposeQuietlyAsync(disposable);
        }

        if (_connection is not null)
        {
            try
            {
                await _connection.CloseAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException
                                           or TimeoutException or OperationCanceledException)
            {
                // Already gone; nothing to close.
            }

            await DisposeQuietlyAsync(_connection);
        }

        _abort.Dispose();
        _publishGate.Dispose();
    }

    private static async Task DisposeQuietlyAsync(IAsyncDisposable? disposable)
    {
        if (disposable is null)
        {
            return;
        }

        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException
                                       or TimeoutException or OperationCanceledException)
        {
            // Disposing a channel of a dead connection may throw; the connection is gone either way.
        }
    }
}
