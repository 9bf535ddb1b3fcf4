using CaseIngest.Abstractions.Plugins;
using CaseIngest.Plugins.Classification.Step;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.Classification.Tests;

public sealed class ClassificationRegistrarTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        PluginSteps.Compose(new ClassificationRegistrar(), ClassificationOptions.SectionName, settings);

    [Fact]
    public void Register_PluginSection_StepNeedingFormAndReportAndTrainCommandResolveWithBoundOptions()
    {
        using var provider = Build(new() { ["Plugins:Classification:Threshold"] = "0.8", ["Plugins:Classification:ModelPath"] = "m.json" });
        using var scope = provider.CreateScope();

        var registration = Assert.Single(provider.GetServices<StepRegistration>());
        var step = PluginSteps.Step(scope.ServiceProvider);
        var command = Assert.Single(provider.GetServices<IPluginCommand>());
        var options = provider.GetRequiredService<IOptions<ClassificationOptions>>().Value;

        Assert.Equal(["FormFields", "StructureChecks"], registration.Needs);
        Assert.IsType<ClassificationStep>(step);
        Assert.Equal("train", command.Name);
        Assert.Equal(0.8, options.Threshold);
        Assert.Equal("m.json", options.ModelPath);
    }

    [Fact]
    public void Register_ThresholdOutOfRange_OptionsValidationFailsNamingTheSection()
    {
        using var provider = Build(new() { ["Plugins:Classification:Threshold"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClassificationOptions>>().Value);

        Assert.Contains("Plugins:Classification", error.Message);
    }
}
