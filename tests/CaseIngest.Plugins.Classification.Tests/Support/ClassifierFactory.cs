using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Step;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>Builds the step the way the registrar does, over a model path in a temporary folder (absent = the built-in
/// model: the prior unless <paramref name="builtIn"/> says otherwise). No threshold override unless given: the
/// model's own thresholds apply, as in production.</summary>
public sealed class ClassifierFactory : IDisposable
{
    private readonly TemporaryDirectory _folder = new("classification-tests-");

    public ClassifierFactory(double? threshold = null, BuiltInModel builtIn = BuiltInModel.Prior)
    {
        Options = Microsoft.Extensions.Options.Options.Create(new ClassificationOptions
        {
            ModelPath = Path.Combine(Folder, "model.json"),
            Threshold = threshold,
            BuiltInModel = builtIn,
        });
        Store = new ClassificationModelStore(Options, NullLogger<ClassificationModelStore>.Instance);
    }

    public string Folder => _folder.Path;

    public IOptions<ClassificationOptions> Options { get; }

    internal ClassificationModelStore Store { get; }

    internal ClassificationStep CreateStep() => new(Store, Options);

    public async Task<CaseRecord> RunAsync(CaseRecord record)
    {
        var context = PluginSteps.Context(record, []);
        await CreateStep().RunAsync(context, CancellationToken.None);
        return record;
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
