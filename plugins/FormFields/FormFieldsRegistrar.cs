using CaseIngest.Abstractions.Plugins;
using CaseIngest.Documents.Docx;
using CaseIngest.Ocr;
using CaseIngest.Plugins.FormFields.Checks;
using CaseIngest.Plugins.FormFields.Layout;
using CaseIngest.Plugins.FormFields.Locating;
using CaseIngest.Plugins.FormFields.Parsing;
using CaseIngest.Plugins.FormFields.Scans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.FormFields;

/// <summary>Registers the form step; its settings come from <c>Plugins:FormFields</c>.</summary>
public sealed class FormFieldsRegistrar : IPluginRegistrar
{
    public void Register(IServiceCollection services, IConfiguration pluginConfiguration)
    {
        services.AddOptions<FormFieldsOptions>()
            .Bind(pluginConfiguration)
            .Validate(o => o.Validate() is null, "Plugins:FormFields is invalid: MaxFileBytes and MaxExpandedBytes > 0, MinimumBlocks 2–10, the scan settings in range")
            .ValidateOnStart();
        // Loaded on the first scanned form only.
        services.AddOcrEngines(sp => sp.GetRequiredService<IOptions<FormFieldsOptions>>().Value.Ocr);
        services.AddSingleton<ScanPageReader>();
        services.AddSingleton<ScanFormReader>();

        // Stateless readers and checks: one instance serves every package.
        // The host's (which read the form for its role) when the host has one; the plugin's own otherwise.
        services.TryAddSingleton<DocxDocumentCache>();
        services.AddSingleton<DocxLayoutReader>();
        services.AddSingleton<PdfLayoutReader>();
        services.AddSingleton<FormFileReader>();
        services.AddSingleton<FormLayoutParser>();
        services.AddSingleton<FormLocator>();
        services.AddSingleton<FormChecks>();
        services.AddSubmissionStep<FormFieldsStep>();
    }
}
