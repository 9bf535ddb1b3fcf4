using CaseIngest.Plugins.Classification.Model;
using CaseIngest.Plugins.Classification.Tests.Support;

namespace CaseIngest.Plugins.Classification.Tests.Evaluation;

/// <summary>
/// One leave-one-text-out run over both corpora, shared by the tests that read it: the step's
/// outcome on every held-out package with its fold's trained model file in force, and the prior's outcome on the same
/// packages (the prior never sees a case, so it is its own held-out figure).
/// </summary>
public sealed class LeaveOneTextOutRun : IAsyncLifetime
{
    public CorpusCases Corpus { get; } = new();

    public IReadOnlyList<StepOutcome> Trained { get; private set; } = [];

    public IReadOnlyList<StepOutcome> Prior { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var prior = new PriorModelFactory();
        Trained = await LeaveOneTextOut.TrainedAsync(Corpus.Cases, prior);
        Prior = await LeaveOneTextOut.WithModelAsync(prior.Create(), Corpus.Cases);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
