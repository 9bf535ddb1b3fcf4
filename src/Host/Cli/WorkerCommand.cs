using System.CommandLine;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using CaseIngest.Messaging;
using CaseIngest.Messaging.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest worker</c>: consumes the submissions queue until stopped (SIGTERM / Ctrl+C stop it
/// gracefully). With <c>--health-url</c> it also serves <c>/health/live</c> and <c>/health/ready</c>.</summary>
internal sealed class WorkerCommand : ICliCommand
{
    private const string HealthUrlKey = "Worker:HealthUrl";

    public Command Build(CliServices services)
    {
        var command = new Command("worker", "Consumes submission messages from RabbitMQ, runs the pipeline and indexes each record")
        {
            services.BrokerOption(),
            services.InboxOption(),
            services.IndexOption(),
            services.PluginsOption(),
            services.StoreOption(),
            services.ConfigurationOption("--concurrency", "RabbitMq:Concurrency", "Messages worked on at once (default: one per core)"),
            services.ConfigurationOption("--prefetch", "RabbitMq:Prefetch", "Unacknowledged messages held (default: the concurrency)"),
            services.ConfigurationOption("--health-url", HealthUrlKey,
                "Serve /health/live and /health/ready here, e.g. http://0.0.0.0:8081 (default: no HTTP)"),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = services.BuildConfiguration(parseResult);
            using var host = BuildHost(configuration);
            // Before the first message: a missing plugin or an invalid setting must not become a retry, then a dead
            // letter, for every message.
            HostStartup.Check(host.Services);
            using var stopped = new ManualResetEventSlim();
            // System.CommandLine lets the process end 2 s after SIGTERM/Ctrl+C even if the command still runs; the
            // worker needs up to RabbitMq:ShutdownTimeout to finish or hand back in-flight packages. A foreground
            // thread keeps the process alive until the host has stopped.
            var shutdownGuard = new Thread(() => stopped.Wait()) { IsBackground = false, Name = "worker-shutdown-guard" };
            shutdownGuard.Start();
            try
            {
                await host.RunAsync(cancellationToken);
            }
            finally
            {
                stopped.Set();
            }

            return 0;
        });
        return command;
    }

    private static IHost BuildHost(IConfiguration configuration)
    {
        var healthUrl = configuration[HealthUrlKey];
        if (string.IsNullOrWhiteSpace(healthUrl))
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            AddServices(builder.Services, configuration);
            return builder.Build();
        }

        var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        web.WebHost.UseKestrelCore();
        web.Services.AddRouting();
        AddServices(web.Services, configuration);
        var app = web.Build();
        app.Urls.Add(healthUrl);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseIngest(configuration);
        services.AddCaseIngestWorker(configuration);
    }
}
