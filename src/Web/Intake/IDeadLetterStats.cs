namespace CaseIngest.Web.Intake;

/// <summary>The size of the dead-letter queue, for the intake page. Implemented over the broker by the messaging side;
/// without a broker the web app registers <see cref="NoBrokerDeadLetterStats"/>.</summary>
public interface IDeadLetterStats
{
    /// <summary>Messages parked in the dead-letter queue, or null when it cannot be known (no broker configured or reachable).</summary>
    Task<long?> GetDeadLetterCountAsync(CancellationToken cancellationToken);
}

/// <summary>No broker: the count is unknown, shown as "n/a".</summary>
public sealed class NoBrokerDeadLetterStats : IDeadLetterStats
{
    public Task<long?> GetDeadLetterCountAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);
}
