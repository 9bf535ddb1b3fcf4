using System.CommandLine;
using CaseIngest.Host.Composition;
using CaseIngest.Web;
using CaseIngest.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
            urls, services.IndexOption(), services.StoreOption(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = services.BuildConfiguration(parseResult);
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
            builder.Services.AddCaseIngestWeb(configuration);

            await using var app = builder.Build();
            app.UseCaseIngestWeb();
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
