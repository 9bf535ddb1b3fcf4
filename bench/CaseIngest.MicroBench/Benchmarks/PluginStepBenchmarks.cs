using BenchmarkDotNet.Attributes;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.MicroBench.Fixtures;
using CaseIngest.Plugins.FormFields;
using CaseIngest.Plugins.StructureChecks;

namespace CaseIngest.MicroBench.Benchmarks;

/// <summary>Form extraction (FormFields) and report parsing with every report rule (StructureChecks), through their public
/// steps on a corpus package. Each run starts from a fresh copy of the record, as the host gives a step; the copy alone is
/// measured too, to subtract.</summary>
[MemoryDiagnoser]
public class PluginStepBenchmarks
{
    private readonly ISubmissionStep _formFields = CorpusPackage.StepOf(new FormFieldsRegistrar());
    private readonly ISubmissionStep _structureChecks = CorpusPackage.StepOf(new StructureChecksRegistrar());
    private DirectoryInfo _work = null!;
    private IReadOnlyList<PackageFile> _files = [];
    private CaseRecord _withForm = new();

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
    }

    [GlobalCleanup]
    public void Cleanup() => _work.Delete(recursive: true);

    [Benchmark(Baseline = true)]
    public CaseRecord RecordCopyOnly() => CaseRecordJson.Clone(_withForm);

    [Benchmark]
    public async Task<CaseRecord> FormExtraction()
    {
        var record = new CaseRecord { SubmissionId = Package };
        await _formFields.RunAsync(CorpusPackage.Context(record, _files), CancellationToken.None);
        return record;
    }

    [Benchmark]
    public async Task<CaseRecord> ReportParsingAndChecks()
    {
        var record = CaseRecordJson.Clone(_withForm);
        await _structureChecks.RunAsync(CorpusPackage.Context(record, _files), CancellationToken.None);
        return record;
    }
}
