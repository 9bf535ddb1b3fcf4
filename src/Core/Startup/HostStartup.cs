using CaseIngest.Core.Memory;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Startup;

/// <summary>The one start of every command, the worker and the web application, run on the built service provider
/// before the first package: the plugins loaded (unless <c>Plugins:FailOnLoadError=false</c>), their steps ordered by
/// their needs, every plugin's host settings and every options class validated. What is wrong is said once, the same
/// way everywhere, and nothing is processed.</summary>
public static class HostStartup
{
    /// <summary>How every line of the message starts.</summary>
    public const string Prefix = "CaseIngest cannot start: ";

    /// <summary>Builds the service provider of a command or a test that runs without a generic host, from the
    /// registrations <paramref name="register"/> makes, and starts it as every host starts (<see cref="Check"/>). Hosts
    /// built by a builder (the worker, the web application) call <see cref="Check"/> on their services instead.</summary>
    /// <param name="register">The registrations (e.g. <c>services.AddCaseIngest(configuration)</c>).</param>
    /// <param name="check">False only for what reports a wrong composition instead of stopping (<c>caseingest plugins</c>, help).</param>
    /// <param name="validateOnBuild">Also check that every registration can be constructed: tests and benchmarks, whose
    /// compositions are partial on purpose and small. The commands compose more than each of them uses.</param>
    /// <exception cref="StartupException">The composition is wrong; the provider is disposed.</exception>
    public static ServiceProvider Build(Action<IServiceCollection> register, bool check = true, bool validateOnBuild = false)
    {
        ArgumentNullException.ThrowIfNull(register);
        var services = new ServiceCollection();
        register(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = validateOnBuild });
        if (!check)
        {
            return provider;
        }

        try
        {
            Check(provider);
            return provider;
        }
        catch (StartupException)
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Checks the composition; returns the steps in running order. A partial composition (a test's or a
    /// benchmark's: search and editions without plugins) is checked for what it has: no plugin catalog, no steps.</summary>
    /// <exception cref="StartupException">Something would fail on the first package, or a plugin did not load.</exception>
    public static IReadOnlyList<PluginStep> Check(IServiceProvider services, bool tolerateLoadFailures = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        var configuration = services.GetService<IConfiguration>();
        var pluginOptions = new PluginOptions();
        configuration?.GetSection(PluginOptions.SectionName).Bind(pluginOptions);
        var failures = services.GetService<PluginCatalog>()?.Failures ?? [];
        if (pluginOptions.FailOnLoadError && !tolerateLoadFailures)
        {
            problems.AddRange(failures.Select(f => $"plugin {f.Name} could not be loaded ({f.Path}): {f.Error}"));
        }
        else
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostStartup).FullName!);
            foreach (var failure in failures)
            {
                logger.LogWarning("Plugin {Plugin} not loaded ({Path}): {Error}", failure.Name, failure.Path, failure.Error);
            }
        }

        IReadOnlyList<PluginStep> steps = [];
        try
        {
            steps = services.GetService<StepOrder>()?.Steps ?? [];
        }
        catch (StepOrderException ex)
        {
            problems.Add(ex.Message);
        }

        foreach (var step in configuration is null ? Enumerable.Empty<PluginStep>() : services.GetServices<PluginStep>())
        {
            try
            {
                PluginSettings.For(configuration!, step.Name);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            problems.Add(ex.Message);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            problems.AddRange(ex.InnerExceptions.Select(e => e.Message));
        }

        if (problems.Count > 0)
        {
            throw new StartupException(problems);
        }

        services.GetService<NativeHeap>()?.Configure();
        return steps;
    }
}

/// <summary>The composition is wrong: a plugin is missing or broken, or settings are invalid. One line per problem.</summary>
public sealed class StartupException : Exception
{
    public StartupException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => HostStartup.Prefix + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
