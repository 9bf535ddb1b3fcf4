namespace CaseIngest.Search.Lucene;

/// <summary>When an index generation commits, and whom it tells what happened in the background.</summary>
/// <param name="CommitDelay">How long after a save its commit may wait (the journal makes the save durable at once);
/// zero: every save commits before it returns.</param>
/// <param name="Time">The clock of the background commit.</param>
/// <param name="CommitFailed">Told of a background commit that failed or a journalled record that could not be read.</param>
/// <param name="Replayed">Told how many journalled writes a start replayed after a crash.</param>
internal sealed record LuceneCommitPolicy(TimeSpan CommitDelay, TimeProvider Time, Action<Exception> CommitFailed, Action<int> Replayed)
{
    /// <summary>Every save committed before it returns (tests of the generation, tools).</summary>
    public static LuceneCommitPolicy EverySave { get; } = new(TimeSpan.Zero, TimeProvider.System, _ => { }, _ => { });
}
