using CaseIngest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Core.Tests.Support;

/// <summary>The core composed over a <see cref="TestHostFolder"/>, started as every host starts it.</summary>
internal static class CoreComposition
{
    /// <summary>The core's services over the folder, checked by <see cref="HostStartup"/>.</summary>
    /// <param name="addServices">Services the test adds beside the core's (as the host's other parts add theirs).</param>
    /// <exception cref="StartupException">The composition is wrong.</exception>
    public static ServiceProvider BuildCore(this TestHostFolder host, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? addServices = null)
    {
        var values = host.BaseConfiguration();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return HostStartup.Build(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            services.AddCaseIngestCore(configuration);
            addServices?.Invoke(services);
        });
    }
}
