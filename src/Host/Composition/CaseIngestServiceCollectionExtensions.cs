using CaseIngest.Core;
using CaseIngest.Editions;
using CaseIngest.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Host.Composition;

/// <summary>The one place where the host's parts are put together; every command, the worker and the web app use it.</summary>
public static class CaseIngestServiceCollectionExtensions
{
    /// <summary>Configuration, logging (to stderr, so stdout stays data),
    /// the core with its plugins, search, and the edition rules.</summary>
    public static IServiceCollection AddCaseIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
            // Logs go to stderr: stdout carries results (JSON Lines, tables) that people pipe.
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        });

        services.AddCaseIngestCore(configuration);

        services.AddCaseIngestSearch(configuration);
        services.AddCaseIngestEditions(configuration);
        return services;
    }
}
