using CaseIngest.Abstractions.Plugins;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Step;
using CaseIngest.Plugins.Classification.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Plugins.Classification;

/// <summary>Registers the classification step and the <c>train</c> command.</summary>
public sealed class ClassificationRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<ClassificationOptions>()
            .Bind(pluginConfiguration)
            .Validate(o => o.IsValid(), "Plugins:Classification: ModelPath must be set, Threshold unset or in (0, 1), EvidenceCount in 1–50, BuiltInModel Trained or Prior.")
            .ValidateOnStart();
        // One store for the process: it caches the loaded model and reloads it when train rewrites the file.
        services.AddSingleton<ClassificationModelStore>();
        // It reads the form's case name and the report's text.
        services.AddSubmissionStep<ClassificationStep>("FormFields", "StructureChecks");
        services.AddSingleton<IPluginCommand, TrainCommand>();
    }
}
