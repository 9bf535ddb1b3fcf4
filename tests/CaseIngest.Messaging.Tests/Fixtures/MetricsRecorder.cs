using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CaseIngest.Messaging.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseIngest.Messaging.Tests.Fixtures;

/// <summary>Sums the worker's counters and keeps its histograms' values, of one host (its meter factory is the meters'
/// scope).</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<KeyValuePair<string, object?>[]> _processedTags = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new(StringComparer.Ordinal);

    public MetricsRecorder(IHost host)
    {
        var scope = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WorkerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            if (instrument.Name == "caseingest.worker.processed")
            {
                _processedTags.Add(tags.ToArray());
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            _values.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value));
        _listener.Start();
    }

    public long this[string counter] => _totals.GetValueOrDefault(counter);

    /// <summary>The values a histogram recorded, in order.</summary>
    public IReadOnlyList<double> Values(string histogram) => [.. _values.GetValueOrDefault(histogram) ?? []];

    public long Processed => this["caseingest.worker.processed"];

    /// <summary>The prefetch the worker runs with now (0 before it consumes and after).</summary>
    public long Prefetch => this["caseingest.worker.prefetch"];

    public long Retried => this["caseingest.worker.retried"];

    public long DeadLettered => this["caseingest.worker.dead_lettered"];

    public long Failed => this["caseingest.worker.failed"];

    /// <summary>Processed messages the broker had delivered before (to a worker that died or let go).</summary>
    public int RedeliveredProcessed => _processedTags.Count(tags => tags.Any(t => t.Key == "redelivered" && t.Value is true));

    /// <summary>The <c>verdict</c> tag of every processed message.</summary>
    public IReadOnlyList<string?> ProcessedVerdicts =>
        [.. _processedTags.Select(tags => tags.FirstOrDefault(t => t.Key == "verdict").Value as string)];

    public void Dispose() => _listener.Dispose();
}
