using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Broker;

/// <summary>Opens connections to the configured broker. Automatic recovery is off on purpose: the worker runs its own
/// reconnect loop (it must also re-declare topology, reset readiness and drop in-flight state), and short-lived
/// commands (enqueue, dlq) should fail clearly rather than hang.</summary>
public sealed class BrokerConnector(IOptions<RabbitMqOptions> options)
{
    public Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken) =>
        ConnectAsync(clientName, consumerDispatchConcurrency: 1, cancellationToken);

    public Task<IConnection> ConnectAsync(string clientName, int consumerDispatchConcurrency, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Value.Uri,
            ClientProvidedName = $"{clientName}@{Environment.MachineName}:{Environment.ProcessId}",
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ConsumerDispatchConcurrency = (ushort)consumerDispatchConcurrency,
            RequestedHeartbeat = TimeSpan.FromSeconds(15),
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>A channel whose publishes return only when the broker has confirmed them (and throw when it refused).</summary>
    public static Task<IChannel> CreateConfirmingChannelAsync(IConnection connection, CancellationToken cancellationToken) =>
        connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
}
