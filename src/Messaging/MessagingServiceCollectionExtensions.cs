using CaseIngest.Abstractions.Plugins;
using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Editions;
using CaseIngest.Messaging.DeadLetters;
using CaseIngest.Messaging.Editions;
using CaseIngest.Messaging.Enqueue;
using CaseIngest.Messaging.Health;
using CaseIngest.Messaging.Packages;
using CaseIngest.Messaging.Telemetry;
using CaseIngest.Messaging.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace CaseIngest.Messaging;

/// <summary>Registrations of the messaging parts. The pipeline (<c>ISubmissionProcessor</c>) and the index
/// (<c>ICaseRepository</c>) come from the core and search registrations.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>Options, the broker connector, enqueue and dead-letter administration (the short-lived commands).</summary>
    public static IServiceCollection AddCaseIngestMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RabbitMqOptions>()
            .Bind(configuration.GetSection(RabbitMqOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BrokerConnector>();
        services.TryAddSingleton<SubmissionEnqueuer>();
        services.TryAddSingleton<DeadLetterAdmin>();
        return services;
    }

    /// <summary>The consuming worker as a hosted service, with its health checks (tags <see cref="HealthTags"/>) and
    /// meters (<see cref="WorkerMetrics.MeterName"/>, registered with OpenTelemetry; OTLP export when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).</summary>
    public static IServiceCollection AddCaseIngestWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseIngestMessaging(configuration);
        services.AddHttpClient(PackageLocator.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(5));
        services.TryAddSingleton<PackageLocator>();
        services.TryAddScoped<SubmissionHandler>();
        services.TryAddSingleton<WorkerState>();
        services.TryAddSingleton<PackageLanes>();
        services.TryAddSingleton<WarmUpRunner>();
        services.AddOptions<WarmUpOptions>()
            .Bind(configuration.GetSection(WarmUpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // After the plugins' warm-ups in the runner's order: their engines are loaded when the sample needs them. Read
        // here, not in the warm-up, so a worker with it off does not log a warm-up that never ran.
        if (configuration.GetSection(WarmUpOptions.SectionName).Get<WarmUpOptions>()?.Pipeline ?? new WarmUpOptions().Pipeline)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IWarmUp, PipelineWarmUp>());
        }
        services.TryAddSingleton<WorkerMetrics>();
        services.AddMetrics();
        services.AddHostedService<SubmissionWorker>();

        // The rules across an edition run after a batch of packages (EditionCheck:Delay after its first one).
        services.AddCaseIngestEditions(configuration);
        services.AddOptions<EditionCheckOptions>().Bind(configuration.GetSection(EditionCheckOptions.SectionName));
        services.TryAddSingleton<EditionCheckScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<EditionCheckScheduler>());

        // The host must wait for in-flight messages (up to RabbitMq:ShutdownTimeout) plus the hand-back.
        var shutdown = configuration.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>()?.ShutdownTimeout
                       ?? new RabbitMqOptions().ShutdownTimeout;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdown + TimeSpan.FromSeconds(10));

        services.AddHealthChecks()
            .AddCheck<WorkerLivenessCheck>("worker-loop", tags: [HealthTags.Live])
            .AddCheck<WorkerReadinessCheck>("broker-consumer", tags: [HealthTags.Ready]);
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(WorkerMetrics.MeterName);
            // Exported when an OTLP collector is configured the standard way (OTEL_EXPORTER_OTLP_ENDPOINT, …).
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }
}
