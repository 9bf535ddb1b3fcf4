using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Logging;
using CaseIngest.Messaging.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Worker;

/// <summary>Consumes the submissions queue for the life of the host, reconnecting with a growing backoff whenever
/// the broker is unreachable or the connection drops (broker restart, network loss), without a human. The plugins'
/// warm-ups (<see cref="WarmUpRunner"/>) run first.</summary>
public sealed class SubmissionWorker(
    BrokerConnector connector,
    IOptions<RabbitMqOptions> options,
    PackageLanes lanes,
    IServiceScopeFactory scopes,
    WorkerMetrics metrics,
    WorkerState state,
    WarmUpRunner warmUps,
    ILogger<SubmissionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.ReconnectDelay;
        try
        {
            // Before the first message, not per connection: what the plugins load stays loaded across reconnects.
            await warmUps.RunAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var session = await ConsumerSession.StartAsync(connector, settings, lanes, scopes, metrics, logger, stoppingToken);
                    state.SetConsuming();
                    backoff = settings.ReconnectDelay;

                    var stopping = Task.Delay(Timeout.Infinite, stoppingToken);
                    if (await Task.WhenAny(session.Lost, stopping) == stopping)
                    {
                        await session.StopAsync(settings.ShutdownTimeout);
                        state.SetDisconnected(null);
                        return;
                    }

                    var why = await session.Lost;
                    state.SetDisconnected(why);
                    logger.LostBroker(why, backoff);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    state.SetDisconnected(ex.Message);
                    logger.CannotReachBroker($"{settings.Uri.Host}:{settings.Uri.Port}", ex.Message, backoff);
                }

                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.ReconnectMaxDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting to reconnect.
        }
        catch (Exception ex)
        {
            state.SetLoopEnded(ex.Message);
            logger.LoopEnded(ex);
            throw;
        }
    }
}
