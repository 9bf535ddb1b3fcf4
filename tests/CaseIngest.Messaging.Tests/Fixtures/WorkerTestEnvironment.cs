using System.Runtime.CompilerServices;
using CaseIngest.Core;
using CaseIngest.Core.Startup;
using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Enqueue;
using CaseIngest.Messaging.Topology;
using CaseIngest.Search;
using CaseIngest.Search.Lucene;
using CaseIngest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace CaseIngest.Messaging.Tests.Fixtures;

/// <summary>One test's world: its own queue names on the shared broker, and its own inbox, package store, Lucene
/// index and plugins folder in a temporary directory. Worker hosts built here use the real core, search and worker
/// registrations; they share this environment's one index (Lucene allows one writer per directory), optionally
/// behind a repository decorator.</summary>
public sealed class WorkerTestEnvironment : IAsyncDisposable
{
    public static readonly TimeSpan Wait = Environment.GetEnvironmentVariable("CI") is null
        ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(120);

    private readonly List<IHost> _hosts = [];
    private readonly TemporaryDirectory _root = new("caseingest-messaging-");
    private ServiceProvider? _index;

    public WorkerTestEnvironment(BrokerFixture broker, [CallerMemberName] string test = "")
    {
        Broker = broker;
        var unique = $"{test}-{Guid.NewGuid():N}"; // queue names may be 255 bytes long
        Directory.CreateDirectory(PluginsPath);
        Settings = new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = broker.Uri.ToString(),
            ["RabbitMq:Queue"] = $"{unique}.submissions",
            ["RabbitMq:DeadLetterQueue"] = $"{unique}.dead",
            ["RabbitMq:RetryQueuePrefix"] = $"{unique}.retry",
            ["RabbitMq:RetryDelays:0"] = "00:00:00.200",
            ["RabbitMq:RetryDelays:1"] = "00:00:00.400",
            ["RabbitMq:RetryDelays:2"] = "00:00:00.800",
            ["RabbitMq:Prefetch"] = "2",
            ["RabbitMq:Concurrency"] = "1",
            ["RabbitMq:ShutdownTimeout"] = "00:00:10",
            // The test's own package lanes: the machine's are shared with whatever else runs here.
            ["RabbitMq:PackageLanesFolder"] = Path.Combine(Root, "package-lanes"),
            ["RabbitMq:ReconnectDelay"] = "00:00:00.250",
            ["RabbitMq:ReconnectMaxDelay"] = "00:00:02",
            ["Inbox:Path"] = Path.Combine(Root, "inbox"),
            ["Store:Path"] = Path.Combine(Root, "store"),
            ["Search:Lucene:Path"] = Path.Combine(Root, "index"),
            ["Plugins:Path"] = PluginsPath,
            ["Pipeline:WorkPath"] = Path.Combine(Root, "work"),
            // The sample package through the pipeline before every worker consumes is the subject of WarmUpTests only.
            ["WarmUp:Pipeline"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public BrokerFixture Broker { get; }

    public string Root => _root.Path;

    /// <summary>Empty by default: the light plugin set (OCR is not the subject of these tests).</summary>
    public string PluginsPath => Path.Combine(Root, "plugins");

    public Dictionary<string, string?> Settings { get; }

    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();

    public RabbitMqOptions RabbitMq => Configuration.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>()!;

    /// <summary>The index every worker host of this environment writes to (created on first use).</summary>
    public IServiceProvider Index => _index ??= BuildIndexProvider();

    public ISearchIndex SearchIndex => Index.GetRequiredService<ISearchIndex>();

    public ICaseRepository Repository => Index.GetRequiredService<ICaseRepository>();

    // Search alone (no plugins, nothing to start): built as every host builds its provider, not checked.
    private ServiceProvider BuildIndexProvider() =>
        HostStartup.Build(services => services.AddLogging().AddCaseIngestSearch(Configuration), check: false);

    /// <summary>Builds and starts a worker host: real core, search and worker registrations over this environment's
    /// index; <paramref name="repository"/> replaces the repository (a decorator over <see cref="Repository"/>).</summary>
    public async Task<IHost> StartWorkerAsync(ICaseRepository? repository = null, Action<IServiceCollection>? configure = null)
    {
        var host = CreateWorker(repository, configure);
        await host.StartAsync();
        return host;
    }

    /// <summary>The same as <see cref="StartWorkerAsync"/>, not started yet (to attach listeners first).</summary>
    public IHost CreateWorker(ICaseRepository? repository = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = Configuration;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
        builder.Services.AddSingleton(Index.GetRequiredService<LuceneSearchIndex>());
        builder.Services.AddSingleton(repository ?? Repository);
        builder.Services.AddCaseIngestCore(configuration);
        builder.Services.AddCaseIngestSearch(configuration);
        builder.Services.AddCaseIngestWorker(configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        _hosts.Add(host);
        // As `caseingest worker` starts: plugins, step order and every options class checked before the first message.
        HostStartup.Check(host.Services);
        return host;
    }

    /// <summary>Copies packages into the inbox and queues them, through the real enqueuer.</summary>
    public async Task<EnqueueSummary> EnqueueAsync(IReadOnlyList<string> packages)
    {
        await using var provider = HostStartup.Build(services => services.AddLogging().AddCaseIngestMessaging(Configuration), check: false);
        return await provider.GetRequiredService<SubmissionEnqueuer>().EnqueueAsync(packages, null, CancellationToken.None);
    }

    /// <summary>Publishes a message as another system might (bad ones included).</summary>
    public async Task PublishRawAsync(byte[] body, string? contentType, string messageId)
    {
        await using var connection = await Connector().ConnectAsync("test-publisher", CancellationToken.None);
        await using var channel = await BrokerConnector.CreateConfirmingChannelAsync(connection, CancellationToken.None);
        await SubmissionTopology.DeclareAsync(channel, RabbitMq, CancellationToken.None);
        var properties = new BasicProperties { MessageId = messageId, ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync("", RabbitMq.Queue, mandatory: true, properties, body);
    }

    /// <summary>Messages in a queue (ready + unacknowledged) and its consumers.</summary>
    public async Task<(uint Messages, uint Consumers)> CountAsync(string queue)
    {
        await using var connection = await Connector().ConnectAsync("test-counter", CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        var ok = await channel.QueueDeclarePassiveAsync(queue);
        return (ok.MessageCount, ok.ConsumerCount);
    }

    public BrokerConnector Connector() => new(Options.Create(RabbitMq));

    /// <summary>Packages with distinct submission ids, made from the corpus's folder packages (manifest rewritten).</summary>
    public IReadOnlyList<string> MakePackages(int count, string idPrefix = "T")
    {
        var sources = Directory.GetDirectories(CaseIngest.Testing.TestPaths.CorpusPackages).Order(StringComparer.Ordinal).ToArray();
        var packages = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"{idPrefix}{i:D3}";
            var target = Path.Combine(Root, "source", id);
            DirectoryTree.Copy(sources[(i - 1) % sources.Length], target);
            File.WriteAllText(Path.Combine(target, "manifest.json"),
                $$"""{"submissionId":"{{id}}","edition":8,"recommender":"测试推荐单位","submittedAt":"2026-07-10T09:30:00+08:00"}""");
            packages.Add(target);
        }

        return packages;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? Wait);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout ?? Wait} waiting for {what}");
            }
        }
    }

    /// <summary>True when every id is in the index.</summary>
    public async Task<bool> AllIndexedAsync(IEnumerable<string> submissionIds)
    {
        foreach (var id in submissionIds)
        {
            if (await SearchIndex.GetAsync(id, CancellationToken.None) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many documents the index holds in all.</summary>
    public async Task<long> IndexedCountAsync() =>
        (await SearchIndex.SearchAsync(new SearchQuery { Limit = 1 }, CancellationToken.None)).Total;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(15));
            }
            finally
            {
                host.Dispose();
            }
        }

        if (_index is not null)
        {
            await _index.DisposeAsync();
        }

        _root.Dispose();
    }
}
