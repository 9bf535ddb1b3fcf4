namespace CaseIngest.Messaging.Contracts;

/// <summary>Headers the worker writes on retried and dead-lettered messages.</summary>
public static class MessageHeaders
{
    /// <summary>The attempt this delivery is (1 for the first); missing means 1.</summary>
    public const string Attempt = "x-caseingest-attempt";

    /// <summary>Why a message was dead-lettered (malformed, refused package, retries exhausted).</summary>
    public const string DeadLetterReason = "x-caseingest-reason";

    /// <summary>The error of the last failed attempt.</summary>
    public const string LastError = "x-caseingest-last-error";

    /// <summary>When the message was dead-lettered (ISO 8601).</summary>
    public const string DeadLetteredAt = "x-caseingest-dead-lettered-at";

    /// <summary>The queue the message came from.</summary>
    public const string OriginalQueue = "x-caseingest-original-queue";

    /// <summary>The broker's own reason when the quorum queue dead-letters (e.g. <c>delivery_limit</c>).</summary>
    public const string BrokerFirstDeathReason = "x-first-death-reason";

    /// <summary>The quorum queue's count of earlier deliveries.</summary>
    public const string BrokerDeliveryCount = "x-delivery-count";
}
