using CaseIngest.Abstractions.Plugins;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Ocr;
using CaseIngest.Plugins.OcrStamps.Pages;
using CaseIngest.Plugins.OcrStamps.Seals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.OcrStamps;

/// <summary>Registers the OcrStamps step: engines are process-wide singletons (costly to create), the step is scoped.</summary>
public sealed class OcrStampsRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<OcrStampsOptions>().Bind(pluginConfiguration).ValidateDataAnnotations()
            .Validate(o => o.WindowStart <= o.WindowEnd, "Plugins:OcrStamps:WindowStart must not be after WindowEnd")
            .ValidateOnStart();
        services.AddOcrEngines(sp => sp.GetRequiredService<IOptions<OcrStampsOptions>>().Value);
        services.AddSingleton<PageImageLoader>();
        services.AddSingleton<SealDetector>();
        services.AddSingleton<SignaturePageAnalyzer>();
        services.AddSingleton<IWarmUp, OcrStampsWarmUp>();
        // It compares the seals' organisations with the units the form names.
        services.AddSubmissionStep<OcrStampsStep>("FormFields");
    }
}
