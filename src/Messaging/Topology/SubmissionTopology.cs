using CaseIngest.Messaging.Configuration;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Topology;

/// <summary>Declares the queues, idempotently (every worker, enqueue and dlq command does it at start):
/// <list type="bullet">
/// <item>the submissions queue: durable quorum, explicit delivery limit, dead-lettering to the dead-letter queue
/// when the limit is hit (a message that crashes its worker every time);</item>
/// <item>one retry queue per delay: quorum with a message TTL, dead-lettering back into the submissions queue
/// (at-least-once, so an expiring message is not lost between the two);</item>
/// <item>the dead-letter queue: durable quorum, read by <c>dlq list|replay|purge</c>.</item>
/// </list>
/// Everything goes through the default exchange: the routing key is the queue name.</summary>
public static class SubmissionTopology
{
    public static async Task DeclareAsync(IChannel channel, RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(options.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" },
            cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(options.Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = options.DeliveryLimit,
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = options.DeadLetterQueue,
            },
            cancellationToken: cancellationToken);

        var delays = options.EffectiveRetryDelays;
        for (var i = 0; i < delays.Count; i++)
        {
            await channel.QueueDeclareAsync(options.RetryQueueFor(i + 2), durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-queue-type"] = "quorum",
                    ["x-message-ttl"] = (long)delays[i].TotalMilliseconds,
                    ["x-dead-letter-exchange"] = "",
                    ["x-dead-letter-routing-key"] = options.Queue,
                    ["x-dead-letter-strategy"] = "at-least-once",
                    ["x-overflow"] = "reject-publish",
                },
                cancellationToken: cancellationToken);
        }
    }
}
