using System.ComponentModel.DataAnnotations;
using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.Configuration;

namespace CaseIngest.Messaging.Tests.Contracts;

public sealed class RabbitMqOptionsTests
{
    [Fact]
    public void Bind_RetryDelaysFromConfiguration_ReplaceDefaultsAndSetAttempts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = "amqp://u:p@broker:5673/",
            ["RabbitMq:RetryDelays:0"] = "00:00:05",
            ["RabbitMq:RetryDelays:1"] = "00:01:00",
        }).Build();

        var options = configuration.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>()!;

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)], options.EffectiveRetryDelays);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal("caseingest.submissions.retry.1", options.RetryQueueFor(2));
        Assert.Equal(5673, options.Uri.Port);
    }

    [Fact]
    public void Validate_NoRetryDelaysConfigured_UsesDefaults()
    {
        var options = new RabbitMqOptions();

        Assert.Equal(RabbitMqOptions.DefaultRetryDelays.Count + 1, options.MaxAttempts);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void EffectiveConcurrency_NothingConfigured_OnePackagePerCoreAndPrefetchAsMany()
    {
        // GIVEN no concurrency or prefetch in the configuration
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Queue"] = "q" })
            .Build().GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>()!;

        // THEN the worker takes one package per core, holds as many, and the defaults are valid
        Assert.Equal(Environment.ProcessorCount, options.EffectiveConcurrency);
        Assert.Equal(Environment.ProcessorCount, options.PrefetchFor(options.EffectiveConcurrency));
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void EffectiveConcurrency_Configured_TakesTheConfiguredValues()
    {
        var options = new RabbitMqOptions { Concurrency = 3, Prefetch = 5 };

        Assert.Equal(3, options.EffectiveConcurrency);
        Assert.Equal(5, options.PrefetchFor(options.EffectiveConcurrency));
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_PrefetchBelowAutomaticConcurrency_FailsNamingBoth()
    {
        // GIVEN a prefetch of 1 and the concurrency left to the cores (this machine has at least 2)
        var options = new RabbitMqOptions { Prefetch = 1 };

        var errors = Validate(options).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(Environment.ProcessorCount > 1, errors.Any(e => e!.Contains("Prefetch (1)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_HttpUriPrefetchBelowConcurrencyAndSameNames_Fails()
    {
        var options = new RabbitMqOptions
        {
            Uri = new Uri("http://broker/"),
            Prefetch = 1,
            Concurrency = 4,
            DeadLetterQueue = "caseingest.submissions",
        };

        var errors = Validate(options).Select(e => e.ErrorMessage).ToList();

        Assert.Contains(errors, e => e!.Contains("amqp://", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("Prefetch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("names must differ", StringComparison.Ordinal));
    }

    private static List<ValidationResult> Validate(RabbitMqOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
