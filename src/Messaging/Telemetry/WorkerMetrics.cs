using System.Diagnostics.Metrics;

namespace CaseIngest.Messaging.Telemetry;

/// <summary>The worker's meters (meter <see cref="MeterName"/>), exported through OpenTelemetry or read with
/// <c>dotnet-counters monitor -n caseingest --counters CaseIngest.Messaging</c>.</summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "CaseIngest.Messaging";

    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _requeued;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _laneWait;
    private readonly UpDownCounter<long> _prefetch;

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _processed = meter.CreateCounter<long>("caseingest.worker.processed", "{message}",
            "Messages whose record is durably indexed and acknowledged");
        _failed = meter.CreateCounter<long>("caseingest.worker.failed", "{message}",
            "Attempts that failed (each is then retried or dead-lettered)");
        _retried = meter.CreateCounter<long>("caseingest.worker.retried", "{message}",
            "Messages sent to a retry queue");
        _deadLettered = meter.CreateCounter<long>("caseingest.worker.dead_lettered", "{message}",
            "Messages sent to the dead-letter queue");
        _requeued = meter.CreateCounter<long>("caseingest.worker.requeued", "{message}",
            "In-flight messages handed back to the queue at shutdown");
        _duration = meter.CreateHistogram<double>("caseingest.worker.duration", "s",
            "Time from delivery to acknowledgement, by outcome");
        _laneWait = meter.CreateHistogram<double>("caseingest.worker.lane_wait", "s",
            "Time a delivered message waited for one of the machine's package lanes");
        _prefetch = meter.CreateUpDownCounter<long>("caseingest.worker.prefetch", "{message}",
            "Messages the broker may hand this worker unacknowledged: its share of the machine's package lanes");
    }

    public void Processed(string verdict, bool redelivered, TimeSpan elapsed)
    {
        _processed.Add(1, new KeyValuePair<string, object?>("verdict", verdict),
            new KeyValuePair<string, object?>("redelivered", redelivered));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", "processed"));
    }

    public void Failed(TimeSpan elapsed)
    {
        _failed.Add(1);
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    public void Retried(int nextAttempt) => _retried.Add(1, new KeyValuePair<string, object?>("attempt", nextAttempt));

    public void DeadLettered(string kind) => _deadLettered.Add(1, new KeyValuePair<string, object?>("reason", kind));

    public void Requeued() => _requeued.Add(1);

    public void WaitedForLane(TimeSpan elapsed) => _laneWait.Record(elapsed.TotalSeconds);

    public void PrefetchChanged(int from, int to) => _prefetch.Add(to - from);
}
