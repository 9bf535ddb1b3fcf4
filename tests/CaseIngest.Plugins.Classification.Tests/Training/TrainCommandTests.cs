using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Tests.Support;
using CaseIngest.Plugins.Classification.Training;

namespace CaseIngest.Plugins.Classification.Tests.Training;

public sealed class TrainCommandTests(CorpusCases corpus) : IClassFixture<CorpusCases>, IDisposable
{
    private readonly ClassifierFactory _classifier = new();

    public void Dispose() => _classifier.Dispose();

    // Six packages of five report texts, one per type but 业务融合 (D03/D11 share one): enough for cross-validation,
    // small enough to keep the suite fast. Training on all fourteen is measured in CorpusAccuracyTests.
    private static readonly string[] s_trainingIds = ["D03", "D04", "D05", "D08", "D10", "D11"];

    private TrainCommand Command() => new(_classifier.Store, _classifier.Options);

    private async Task<string> WriteRecordsAsync(string name, bool confirmed)
    {
        var path = Path.Combine(_classifier.Folder, name);
        var lines = corpus.Cases.Where(c => s_trainingIds.Contains(c.Id)).Select(c =>
        {
            var record = c.CopyRecord();
            record.Review = confirmed ? new ReviewSection { ConfirmedType = c.Category } : null;
            return CaseRecordJson.Serialize(record);
        });
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    [Fact]
    public async Task RunAsync_ConfirmedRecords_WritesModelTheStepLoadsAndNames()
    {
        // GIVEN records whose type a reviewer confirmed
        var records = await WriteRecordsAsync("records.jsonl", confirmed: true);
        var output = new StringWriter();

        // WHEN train runs with the default output path (the one the step loads)
        var exit = await Command().RunAsync([records], output, CancellationToken.None);

        // THEN a model file exists, the step uses it and the record names it
        Assert.Equal(0, exit);
        Assert.True(File.Exists(_classifier.Options.Value.ModelPath), output.ToString());
        Assert.Contains("leave-one-text-group-out", output.ToString());
        var record = await _classifier.RunAsync(corpus.Cases[0].CopyRecord());
        Assert.StartsWith("trained-6-", record.Classification!.ModelVersion);
        Assert.NotEmpty(record.Classification.Evidence);
    }

    [Fact]
    public async Task RunAsync_WhileStepAlreadyUsedPrior_NextCaseUsesNewModel()
    {
        var before = await _classifier.RunAsync(corpus.Cases[2].CopyRecord());
        var records = await WriteRecordsAsync("records.jsonl", confirmed: true);

        Assert.Equal(0, await Command().RunAsync([records], TextWriter.Null, CancellationToken.None));
        var after = await _classifier.RunAsync(corpus.Cases[2].CopyRecord());

        Assert.StartsWith("prior-", before.Classification!.ModelVersion);
        Assert.StartsWith("trained-6-", after.Classification!.ModelVersion);
    }

    [Fact]
    public async Task RunAsync_SameRecordsTwice_SameModelBytesAndSamePredictions()
    {
        var records = await WriteRecordsAsync("records.jsonl", confirmed: true);
        var first = Path.Combine(_classifier.Folder, "first.json");
        var second = Path.Combine(_classifier.Folder, "second.json");

        Assert.Equal(0, await Command().RunAsync([records, "--out", first], TextWriter.Null, CancellationToken.None));
        Assert.Equal(0, await Command().RunAsync([_classifier.Folder, "--out", second], TextWriter.Null, CancellationToken.None));

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        File.Copy(first, _classifier.Options.Value.ModelPath);
        var a = await _classifier.RunAsync(corpus.Cases[4].CopyRecord());
        var b = await _classifier.RunAsync(corpus.Cases[4].CopyRecord());
        Assert.Equal(a.Classification!.Scores, b.Classification!.Scores);
        Assert.Equal(a.Classification.Evidence, b.Classification.Evidence);
    }

    [Fact]
    public async Task RunAsync_LabelsFile_LabelsRecordsWithoutConfirmedType()
    {
        var records = await WriteRecordsAsync("unconfirmed.jsonl", confirmed: false);
        var labels = Path.Combine(_classifier.Folder, "labels.csv");
        await File.WriteAllLinesAsync(labels, ["submissionId,type", .. corpus.Cases.Where(c => s_trainingIds.Contains(c.Id)).Select(c => $"{c.Id},{c.Category}")]);
        var output = new StringWriter();

        var exit = await Command().RunAsync([records, "--labels", labels], output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("6 confirmed cases in 5 text groups", output.ToString());
    }

    [Fact]
    public async Task RunAsync_NoConfirmedType_ExitsOneAndWritesNoModel()
    {
        var records = await WriteRecordsAsync("unconfirmed.jsonl", confirmed: false);
        var output = new StringWriter();

        var exit = await Command().RunAsync([records], output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("none with a confirmed type", output.ToString());
        Assert.False(File.Exists(_classifier.Options.Value.ModelPath));
    }

    [Fact]
    public async Task RunAsync_BadLineAndUnknownType_ReportsFileAndLineAndTrainsOnTheRest()
    {
        var records = await WriteRecordsAsync("records.jsonl", confirmed: true);
        var bad = corpus.Cases[0].CopyRecord();
        bad.SubmissionId = "X1";
        bad.Review = new ReviewSection { ConfirmedType = "不存在的类型" };
        await File.AppendAllLinesAsync(records, ["{ this is not json", CaseRecordJson.Serialize(bad)]);
        var output = new StringWriter();

        var exit = await Command().RunAsync([records], output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("records.jsonl:7: not a case record", output.ToString());
        Assert.Contains("X1: confirmed type \"不存在的类型\"", output.ToString());
    }

    [Fact]
    public async Task RunAsync_NoArgumentsOrMissingPath_UsageOrProblem()
    {
        var output = new StringWriter();

        Assert.Equal(2, await Command().RunAsync([], output, CancellationToken.None));
        Assert.Equal(1, await Command().RunAsync(["/nonexistent/records.jsonl"], output, CancellationToken.None));
        Assert.Contains("usage:", output.ToString());
        Assert.Contains("/nonexistent/records.jsonl: no such file or folder", output.ToString());
    }
}
