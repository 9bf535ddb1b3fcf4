using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Evaluation;
using CaseIngest.Plugins.Classification.Tests.Support;
using CaseIngest.Plugins.Classification.Training;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.Classification.Tests.Corpus;

/// <summary>
/// The model the plugin ships (Resources/TrainedModel.json, used while no model file exists) is the one training on
/// every labelled package of tests/corpus and tests/corpus-extra writes. To regenerate it after a change to the
/// trainer, the features or the lexicon: <c>CASEINGEST_WRITE_SHIPPED_MODEL=1 dotnet test
/// tests/CaseIngest.Plugins.Classification.Tests --filter ShippedModelTests</c>, then rebuild.
/// </summary>
public sealed class ShippedModelTests(CorpusCases corpus, ITestOutputHelper output) : IClassFixture<CorpusCases>
{
    private static string ResourcePath => Path.Combine(TestPaths.RepoRoot, "plugins", "Classification", "Resources", "TrainedModel.json");

    [Fact]
    public async Task Shipped_IsWhatTrainingOnBothCorporaWrites()
    {
        var trained = new ModelTrainer(new PriorModelFactory()).Train([.. corpus.Cases.Select(LeaveOneTextOut.Example)], CancellationToken.None).Model;
        if (Environment.GetEnvironmentVariable("CASEINGEST_WRITE_SHIPPED_MODEL") == "1")
        {
            await ModelFile.SaveAsync(trained, ResourcePath, CancellationToken.None);
            output.WriteLine($"wrote {trained.Version} to {ResourcePath}; rebuild the plugin to embed it");
        }

        var shipped = await BuiltInTrainedModel.LoadAsync(CancellationToken.None);

        Assert.NotNull(shipped);
        Assert.Equal(trained.Version, shipped.Version);
        Assert.Equal(24, shipped.Training!.Cases);
    }

    [Fact]
    public async Task Shipped_BothCorpora_EveryPackageAsItsExpectedRecordSays()
    {
        // The shipped model was trained on these very packages: this is the acceptance of what a deployment answers on
        // them (category, type_mismatch on D11 and E09 only, no type_unsure), not a measure of accuracy (see CrossValidationTests).
        using var classifier = new ClassifierFactory(builtIn: BuiltInModel.Trained);

        var outcomes = await LeaveOneTextOut.RunAsync(classifier, corpus.Cases);

        foreach (var o in outcomes)
        {
            output.WriteLine($"{o.Id} {o.Label} → {o.Predicted ?? "(unsure)"} {o.TopProbability:0.000} [{string.Join(",", o.TypeFindings)}] model {o.ModelVersion}");
        }

        Assert.All(outcomes, o => Assert.StartsWith("trained-24-", o.ModelVersion));
        Assert.All(outcomes, o => Assert.True(o.AsExpected, o.ToString()));
    }

    [Fact]
    public async Task Thresholds_ReadFromTheModelFile_NotConstants()
    {
        // GIVEN the shipped model, and a copy whose file says to abstain below a value no constant has, just above the
        // least sure of the shipped model's answers on the corpus
        var shipped = (await BuiltInTrainedModel.LoadAsync(CancellationToken.None))!;
        var answers = await LeaveOneTextOut.WithModelAsync(shipped, corpus.Cases);
        var least = answers.MinBy(a => a.TopProbability)!;
        var abstain = Math.Round((least.TopProbability + 1) / 2, 6);
        var edited = new ClassificationModel(shipped.Version, shipped.Types, shipped.NgramSizes, shipped.Weights, shipped.Bias,
            shipped.Temperature, new Thresholds(abstain, abstain), shipped.Training);

        // WHEN the step classifies that package with the edited file in force
        using var classifier = new ClassifierFactory();
        await ModelFile.SaveAsync(edited, classifier.Options.Value.ModelPath, CancellationToken.None);
        var record = await classifier.RunAsync(corpus.Cases.Single(c => c.Id == least.Id).CopyRecord());

        // THEN it abstains, and type_unsure names the file's threshold as its limit
        Assert.NotNull(least.Predicted);
        Assert.Null(record.Classification!.Predicted);
        var unsure = Assert.Single(record.Findings, f => f.Code == FindingCodes.TypeUnsure);
        Assert.Equal(abstain, unsure.Limit);
    }

    [Fact]
    public async Task FitsNoneThreshold_ReadFromTheModelFile_NotAConstant()
    {
        // GIVEN a copy of the shipped model whose file puts the fits-none cut just above one package's direction
        // evidence (a value no constant has)
        var shipped = (await BuiltInTrainedModel.LoadAsync(CancellationToken.None))!;
        var package = corpus.Cases.Single(c => c.Id == "E07");
        var logits = shipped.Logits(shipped.CreateExtractor().Extract(Features.CaseText.From(package.Record)));
        var cut = Math.Round(shipped.DirectionEvidence(logits).Evidence + 0.01, 6);
        var edited = new ClassificationModel(shipped.Version, shipped.Types, shipped.NgramSizes, shipped.Weights, shipped.Bias,
            shipped.Temperature, shipped.Thresholds with { FitsNone = cut }, shipped.Training);

        // WHEN the step classifies it with the edited file in force
        using var classifier = new ClassifierFactory();
        await ModelFile.SaveAsync(edited, classifier.Options.Value.ModelPath, CancellationToken.None);
        var record = await classifier.RunAsync(package.CopyRecord());

        // THEN it is 其他, and the evidence names the file's cut
        Assert.Equal(CaseTypes.Other, record.Classification!.Predicted);
        Assert.Contains(cut.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), record.Classification.Evidence[0]);
    }
}
