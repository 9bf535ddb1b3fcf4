using System.CommandLine;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using CaseIngest.Messaging;
using CaseIngest.Messaging.Broker;
using CaseIngest.Messaging.Configuration;
using CaseIngest.Web;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest serve --urls http://127.0.0.1:PORT --index DIR</c>: the web application for reviewers and
/// editors over the index; users and roles from <c>Auth:Users</c>.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public Command Build(CliServices services)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';')",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", "Starts the web application (search, case pages, casebook, intake)")
        {
            urls, services.IndexOption(), services.StoreOption(), services.BrokerOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = services.BuildConfiguration(parseResult, watch: true);
            var users = configuration.GetSection($"{AuthOptions.SectionName}:{nameof(AuthOptions.Users)}").GetChildren().Count();
            if (users == 0)
            {
                await services.Error.WriteLineAsync(
                    "No users in Auth:Users: nobody can sign in. Add one with 'caseingest users add NAME --role reviewer|editor|admin --file caseingest.json'.");
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddConfiguration(configuration);
            // The host's composition logs to stderr; the builder's own console logger would print everything twice.
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(parseResult.GetValue(urls)!);
            builder.Services.AddCaseIngest(configuration);
            if (!string.IsNullOrEmpty(configuration[$"{RabbitMqOptions.SectionName}:{nameof(RabbitMqOptions.Uri)}"]))
            {
                // With a broker configured the intake page shows the dead-letter queue's size; without one, "n/a".
                builder.Services.AddCaseIngestMessaging(configuration);
                builder.Services.AddSingleton<IDeadLetterStats, BrokerDeadLetterStats>();
            }

            builder.Services.AddCaseIngestWeb(configuration);

            await using var app = builder.Build();
            HostStartup.Check(app.Services);
            app.UseCaseIngestWeb();
            await app.StartAsync(cancellationToken);
            // Said on stdout whatever the log level: people (and scripts) need to know where to point the browser.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            await services.Output.WriteLineAsync($"Listening on {string.Join(", ", addresses)} (Ctrl+C to stop)");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}

/// <summary>The dead-letter queue's size read from the broker (a passive declare), for the intake page. Bounded by a short
/// timeout so a broker that does not answer leaves the page at "n/a" instead of hanging it.</summary>
internal sealed class BrokerDeadLetterStats(BrokerConnector connector, IOptions<RabbitMqOptions> options) : IDeadLetterStats
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    public async Task<long?> GetDeadLetterCountAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        await using var connection = await connector.ConnectAsync("caseingest-web", timeout.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
        var queue = await channel.QueueDeclarePassiveAsync(options.Value.DeadLetterQueue, timeout.Token);
        return queue.MessageCount;
    }
}
