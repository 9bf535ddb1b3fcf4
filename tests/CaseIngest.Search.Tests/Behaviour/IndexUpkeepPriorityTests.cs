using System.Globalization;
using CaseIngest.Search.Lucene;
using CaseIngest.Search.Tests.Fixtures;
using CaseIngest.Testing;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>Index upkeep — the feed that hands saved cases to the writer, Lucene's merges — runs on threads of its own at a
/// lower priority, and only those: the callers keep theirs, and no thread-pool worker (where packages run) is ever
/// lowered, which would happen if an upkeep thread queued work to the pool (a lowered thread's nice value passes to the
/// threads it creates). Linux only: the priority is read from /proc.</summary>
public sealed class IndexUpkeepPriorityTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void UpkeepThread_Signalled_RunsTheWorkOnAThreadOfItsOwnAtTheUpkeepNice_TheSignallingThreadKeepsItsPriority()
    {
        var caller = (Thread: Environment.CurrentManagedThreadId, Nice: CurrentThreadNice());
        (int Thread, int Nice)? run = null;
        using var upkeep = new UpkeepThread("test-upkeep", () => run = (Environment.CurrentManagedThreadId, CurrentThreadNice()), _ => false);

        upkeep.Signal();

        Assert.True(upkeep.WaitUntilCaughtUp(s_patience));
        Assert.NotNull(run);
        Assert.NotEqual(caller.Thread, run.Value.Thread);
        Assert.Equal(Math.Max(caller.Nice, UpkeepPriority.Nice), run.Value.Nice);
        Assert.Equal(caller.Nice, CurrentThreadNice());
    }

    [Fact]
    public void UpkeepThread_AWorkThatThrowsWhatItsCallbackHandles_IsToldAndTheThreadRunsAgain()
    {
        var runs = 0;
        var told = new List<Exception>();
        using var upkeep = new UpkeepThread("test-upkeep", () =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new IOException("disk full");
            }
        }, e =>
        {
            told.Add(e);
            return e is IOException;
        });

        upkeep.Signal();
        Assert.True(upkeep.WaitUntilCaughtUp(s_patience));
        upkeep.Signal();
        Assert.True(upkeep.WaitUntilCaughtUp(s_patience));

        Assert.Equal(2, runs);
        Assert.Equal("disk full", Assert.Single(told).Message);
    }

    [Fact]
    public async Task Feed_SavesAndTheirBackgroundCommits_RunAtTheUpkeepPriority_WhileSearchesCommitToo_NoPoolWorkerIsLowered()
    {
        // GIVEN a generation whose background commit comes a millisecond after a save (on the feed thread), saves from
        // pool threads, and commits that searches make on theirs, waiting for the feed's
        var processNice = ProcessNice();
        var failures = new List<Exception>();
        using var generation = LuceneIndexGeneration.Open("v1", _directory.Path,
            new LuceneCommitPolicy(TimeSpan.FromMilliseconds(1), TimeProvider.System, e => { lock (failures) { failures.Add(e); } }, _ => { }));
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
        {
            generation.Write([GenerationWrites.Of($"F{i}")]);
            if (i % 6 == 5)
            {
                generation.CommitIfDirty();
            }
        })));

        // WHEN the feed has caught up with every save
        Assert.True(generation.WaitForFeed(s_patience));

        // THEN the writer holds all 24, the feed runs at the upkeep priority, and every pool worker at the process's own
        Assert.Empty(failures);
        Assert.Equal(24, generation.Writer.NumDocs);
        var threads = Threads();
        Assert.Contains(threads, t => t.Name == "ci-index-feed" && t.Nice == Math.Max(processNice, UpkeepPriority.Nice));
        var workers = threads.Where(t => t.Name.StartsWith(".NET TP Worker", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(workers);
        Assert.All(workers, w => Assert.Equal(processNice, w.Nice));
    }

    [Fact]
    public void Feed_ASaveWhoseCommitWaits_IsInTheWriterBeforeTheCommit()
    {
        using var generation = LuceneIndexGeneration.Open("v1", _directory.Path,
            new LuceneCommitPolicy(TimeSpan.FromMinutes(1), TimeProvider.System, _ => { }, _ => { }));

        generation.Write([GenerationWrites.Of("W1")]);
        Assert.True(generation.WaitForFeed(s_patience));

        Assert.Equal(1, generation.Writer.NumDocs);
        Assert.True(generation.Writer.HasUncommittedChanges());
    }

    /// <summary>Every thread of the process: its name (Linux keeps 15 characters) and nice value.</summary>
    private static List<(string Name, int Nice)> Threads() =>
        [.. Directory.GetDirectories("/proc/self/task").Select(task =>
        {
            try
            {
                return ((string Name, int Nice)?)(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'), NiceOf(File.ReadAllText(Path.Combine(task, "stat"))));
            }
            catch (IOException)
            {
                return null; // the thread ended meanwhile
            }
        }).OfType<(string Name, int Nice)>()];

    private static int CurrentThreadNice() => NiceOf(File.ReadAllText("/proc/thread-self/stat"));

    /// <summary>The process's main thread: what every thread not lowered has.</summary>
    private static int ProcessNice() => NiceOf(File.ReadAllText($"/proc/self/task/{Environment.ProcessId}/stat"));

    /// <summary>Field 19 of a /proc stat line, counted after the command name's closing parenthesis.</summary>
    private static int NiceOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
}
