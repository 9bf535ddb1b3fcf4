using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Messaging.Configuration;

/// <summary>The broker, the queue names and how the worker consumes (section <c>RabbitMq</c>; env <c>RabbitMq__Uri</c>).</summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    public const string SectionName = "RabbitMq";

    [Required]
    public Uri Uri { get; set; } = new("amqp://guest:guest@localhost:5672/");

    /// <summary>The quorum queue submissions are published to and consumed from.</summary>
    [Required]
    public string Queue { get; set; } = "caseingest.submissions";

    /// <summary>Where messages end after the last attempt, or at once when malformed.</summary>
    [Required]
    public string DeadLetterQueue { get; set; } = "caseingest.submissions.dead";

    /// <summary>Retry queue <c>i</c> is named <c>{RetryQueuePrefix}.{i}</c> and holds a message for <c>RetryDelays[i-1]</c>.</summary>
    [Required]
    public string RetryQueuePrefix { get; set; } = "caseingest.submissions.retry";

    /// <summary>Waits before attempts 2, 3, …: the number of attempts is one more than the number of delays.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>The quorum queue's own redelivery limit: catches a message that kills its worker every time
    /// (it never reaches our retry path). Returns at shutdown count too, so it is generous.</summary>
    [Range(2, 1000)]
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>Unacknowledged messages the broker hands one worker process; 0 = the concurrency, or where the package
    /// lanes are shared this worker's share of them (<see cref="Worker.PackageLanes.FairShare"/>). More only hides
    /// messages from idle workers: the next delivery after an acknowledgement takes a round trip, a package takes a
    /// second.</summary>
    [Range(0, 1000)]
    public ushort Prefetch { get; set; }

    /// <summary>Messages one worker process works on at once; 0 = the machine's cores (OCR, most of a package, is
    /// CPU-bound and its engine pool has a lane per core, so one package per core keeps every core busy).</summary>
    [Range(0, 64)]
    public int Concurrency { get; set; }

    /// <summary>The concurrency in force: the configured one, or one per core.</summary>
    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Math.Clamp(Environment.ProcessorCount, 1, 64);

    /// <summary>The prefetch in force: the configured one, or <paramref name="share"/> — the concurrency, or this worker's
    /// share of the machine's package lanes.</summary>
    public ushort PrefetchFor(int share) => Prefetch > 0 ? Prefetch : (ushort)share;

    /// <summary>Whether a message is worked on only while it holds one of the machine's package lanes, shared by every
    /// worker process of this user (<see cref="CaseIngest.Lanes.MachineLanes"/>). Each worker's concurrency is its cores,
    /// so without them N workers on one machine would work on N × cores packages at once and contend for the cores; with
    /// them the machine works on <see cref="PackageLanes"/> at once, and a worker alone on it still uses every lane. A
    /// delivered message waiting for a lane stays unacknowledged with its worker (at most the prefetch).</summary>
    public bool SharePackageLanes { get; set; } = true;

    /// <summary>Packages worked on at once on the whole machine when <see cref="SharePackageLanes"/>; 0 = the number of
    /// cores.</summary>
    [Range(0, 64)]
    public int PackageLanes { get; set; }

    /// <summary>Folder of the package lanes' lock files; null = one per user in the temporary folder. Workers share
    /// lanes only through the same folder.</summary>
    public string? PackageLanesFolder { get; set; }

    /// <summary>How long a stopping worker lets in-flight messages finish before handing them back to the queue.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting after the broker went away; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest package downloaded from an http(s) packageUri.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDownloadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The attempts a message gets before it is dead-lettered.</summary>
    public int MaxAttempts => EffectiveRetryDelays.Count + 1;

    /// <summary>The configured delays, or the defaults when none are configured (a bound list cannot carry defaults:
    /// configuration binding appends to it).</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri.Scheme is not ("amqp" or "amqps"))
        {
            yield return new ValidationResult($"RabbitMq:Uri must be amqp:// or amqps://, not {Uri.Scheme}://", [nameof(Uri)]);
        }

        if (RetryDelays.Any(d => d <= TimeSpan.Zero))
        {
            yield return new ValidationResult("RabbitMq:RetryDelays must all be positive", [nameof(RetryDelays)]);
        }

        if (Prefetch > 0 && Prefetch < EffectiveConcurrency)
        {
            yield return new ValidationResult($"RabbitMq:Prefetch ({Prefetch}) must be at least RabbitMq:Concurrency ({EffectiveConcurrency}), or 0 for the same", [nameof(Prefetch)]);
        }

        var names = new[] { Queue, DeadLetterQueue, RetryQueuePrefix };
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            yield return new ValidationResult("RabbitMq queue names must differ", [nameof(Queue)]);
        }
    }

    /// <summary>The name of the retry queue that holds a message before attempt <paramref name="nextAttempt"/>.</summary>
    public string RetryQueueFor(int nextAttempt) => $"{RetryQueuePrefix}.{nextAttempt - 1}";
}
