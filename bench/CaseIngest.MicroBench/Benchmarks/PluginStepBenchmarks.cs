using BenchmarkDotNet.Attributes;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.MicroBench.Fixtures;
using CaseIngest.Plugins.Classification;
using CaseIngest.Plugins.FormFields;
using CaseIngest.Plugins.RubricCoverage;
using CaseIngest.Plugins.StructureChecks;

namespace CaseIngest.MicroBench.Benchmarks;

/// <summary>Form extraction (FormFields), report parsing with every report rule (StructureChecks), the case type
/// (Classification, the built-in model) and the rubric coverage (RubricCoverage), through their public steps on a corpus
/// package. Each run starts from a fresh copy of the record the steps it needs left, as the host gives a step; the copy
/// alone is measured too, to subtract.</summary>
[MemoryDiagnoser]
public class PluginStepBenchmarks
{
    private readonly ISubmissionStep _formFields = CorpusPackage.StepOf(new FormFieldsRegistrar());
    private readonly ISubmissionStep _structureChecks = CorpusPackage.StepOf(new StructureChecksRegistrar());
    private readonly ISubmissionStep _classification = CorpusPackage.StepOf(new ClassificationRegistrar());
    private readonly ISubmissionStep _rubricCoverage = CorpusPackage.StepOf(new RubricCoverageRegistrar());
    private DirectoryInfo _work = null!;
    private IReadOnlyList<PackageFile> _files = [];
    private CaseRecord _withForm = new();
    private CaseRecord _withReport = new();

    /// <summary>D01: styled headings and a typed 目录; D08: messy names, direct formatting.</summary>
    [Params("D01", "D08")]
    public string Package { get; set; } = "D01";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _work = Directory.CreateTempSubdirectory("microbench-steps-");
        _files = await CorpusPackage.ReadAsync(Package, _work.FullName);
        _withForm = new CaseRecord { SubmissionId = Package };
        await _formFields.RunAsync(CorpusPackage.Context(_withForm, _files), CancellationToken.None);
        _withReport = CaseRecordJson.Clone(_withForm);
        await _structureChecks.RunAsync(CorpusPackage.Context(_withReport, _files), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _work.Delete(recursive: true);

    [Benchmark(Baseline = true)]
    public CaseRecord RecordCopyOnly() => CaseRecordJson.Clone(_withForm);

    [Benchmark]
    public Task<CaseRecord> FormExtraction() => RunAsync(_formFields, new CaseRecord { SubmissionId = Package });

    [Benchmark]
    public Task<CaseRecord> ReportParsingAndChecks() => RunAsync(_structureChecks, CaseRecordJson.Clone(_withForm));

    [Benchmark]
    public Task<CaseRecord> CaseTypeClassification() => RunAsync(_classification, CaseRecordJson.Clone(_withReport));

    [Benchmark]
    public Task<CaseRecord> RubricCoverage() => RunAsync(_rubricCoverage, CaseRecordJson.Clone(_withReport));

    private async Task<CaseRecord> RunAsync(ISubmissionStep step, CaseRecord record)
    {
        await step.RunAsync(CorpusPackage.Context(record, _files), CancellationToken.None);
        return record;
    }
}
