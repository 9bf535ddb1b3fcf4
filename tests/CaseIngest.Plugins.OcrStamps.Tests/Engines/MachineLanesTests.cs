using System.Diagnostics;
using CaseIngest.Lanes;
using CaseIngest.Ocr.Engines;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Tests.Engines;

/// <summary>The machine's lanes: lock files every process opens, held with <c>flock</c> while a page is read (or a
/// package worked on). The other process in these tests is util-linux's <c>flock</c> (<see cref="OtherProcessLock"/>).</summary>
public sealed class MachineLanesTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "caseingest-lanes-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TryEnter_TheOnlyLaneHeldByAnotherEngine_FindsNoneUntilItIsLetGo()
    {
        // GIVEN one machine lane and two engines' holders, the first reading
        var lanes = MachineLanes.Open(_folder, 1)!;
        using var first = lanes.NewHolder(0);
        using var second = lanes.NewHolder(1);
        var reading = first.TryEnter()!.Value;

        // WHEN the second engine looks for a lane while the first reads, and again after it is done
        var whileReading = second.TryEnter();
        reading.Dispose();
        var afterwards = second.TryEnter();

        // THEN none was free while the first read; the lane was free once it let go
        Assert.Null(whileReading);
        Assert.Equal(0, afterwards?.Index);
        afterwards?.Dispose();
    }

    [Fact]
    public void TryEnter_TwoLanesOneHeld_TheOtherEngineGetsTheOtherLane()
    {
        // GIVEN two machine lanes, the first engine reading on its preferred lane
        var lanes = MachineLanes.Open(_folder, 2)!;
        using var first = lanes.NewHolder(0);
        using var second = lanes.NewHolder(0);
        using var reading = first.TryEnter()!.Value;

        // WHEN a second engine preferring the same lane enters
        using var other = second.TryEnter();

        // THEN it reads on the other lane rather than waiting
        Assert.Equal(0, reading.Index);
        Assert.Equal(1, other?.Index);
    }

    [Fact]
    public async Task EnterAsync_TheLaneHeldByAnotherProcess_WaitsUntilThatProcessDies()
    {
        // GIVEN the only lane held by another process
        var lanes = MachineLanes.Open(_folder, 1)!;
        using var holder = lanes.NewHolder(0);
        using var other = HoldLane(lanes, 0);
        Assert.Null(holder.TryEnter());

        // WHEN an engine waits for a lane and the other process is killed
        var entering = holder.EnterAsync(CancellationToken.None).AsTask();
        other.Kill(entireProcessTree: true);
        using var lane = await entering.WaitAsync(s_patience);

        // THEN the kernel let the dead process's lane go and the engine has it
        Assert.Equal(0, lane.Index);
    }

    [Fact]
    public async Task EnterAsync_BothLanesHeldByOtherProcesses_TakesTheOneLetGoFirst_NotWaitingForItsPreferredLane()
    {
        // GIVEN two lanes, each held by another process, and an engine preferring the first
        var lanes = MachineLanes.Open(_folder, 2)!;
        using var holder = lanes.NewHolder(0);
        using var onPreferred = HoldLane(lanes, 0);
        using var onOther = HoldLane(lanes, 1);
        var entering = holder.EnterAsync(CancellationToken.None).AsTask();

        // WHEN the process on the other lane dies while the preferred lane stays held
        onOther.Kill(entireProcessTree: true);
        using var lane = await entering.WaitAsync(s_patience);

        // THEN the engine reads on the lane that came free
        Assert.Equal(1, lane.Index);
        Assert.False(TryLaneFromAnotherProcess(lanes, 1));
        onPreferred.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task EnterAsync_TheLaneLetGoByAnotherProcessesEngine_WakesOnWordOfTheRelease()
    {
        // GIVEN the only lane held by an engine of another process (its own lanes over the same folder), and an engine
        // here that would never try again on its own
        using var theirs = MachineLanes.Open(_folder, 1)!;
        using var ours = MachineLanes.Open(_folder, 1)!;
        ours.FallbackPause = Timeout.InfiniteTimeSpan;
        using var theirHolder = theirs.NewHolder(0);
        using var ourHolder = ours.NewHolder(0);
        var reading = theirHolder.TryEnter()!.Value;
        var entering = ourHolder.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(entering.IsCompleted);

        // WHEN the other process's engine lets the lane go
        reading.Dispose();
        using var lane = await entering.WaitAsync(s_patience);

        // THEN word of the release through the folder woke the engine here, and it has the lane
        Assert.Equal(0, lane.Index);
    }

    [Fact]
    public async Task EnterAsync_TheLaneLetGoByAnEngineOfThisProcess_WakesAtOnce()
    {
        // GIVEN one lane held by one engine, and a second engine of the process waiting that would never try again on
        // its own
        using var lanes = MachineLanes.Open(_folder, 1)!;
        lanes.FallbackPause = Timeout.InfiniteTimeSpan;
        using var first = lanes.NewHolder(0);
        using var second = lanes.NewHolder(0);
        var reading = first.TryEnter()!.Value;
        var entering = second.EnterAsync(CancellationToken.None).AsTask();

        // WHEN the first lets it go
        reading.Dispose();
        using var lane = await entering.WaitAsync(s_patience);

        // THEN the second has it
        Assert.Equal(0, lane.Index);
    }

    [Fact]
    public async Task EnterAsync_TheLaneHeldByAnotherProcess_CancelledWhileWaiting_StopsWithoutTakingIt()
    {
        // GIVEN the only lane held by another process, and an engine waiting for it
        var lanes = MachineLanes.Open(_folder, 1)!;
        using var holder = lanes.NewHolder(0);
        using var other = HoldLane(lanes, 0);
        using var cancellation = new CancellationTokenSource();
        var entering = holder.EnterAsync(cancellation.Token).AsTask();

        // WHEN the wait is cancelled, then the other process dies
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => entering.WaitAsync(s_patience));
        other.Kill(entireProcessTree: true);
        await other.WaitForExitAsync();

        // THEN the engine took no lane: another process can have it
        Assert.True(TryLaneFromAnotherProcess(lanes, 0));
    }

    [Fact]
    public async Task UseAsync_PoolOnTheMachineLanes_ReadsHoldingALaneAndLetsItGo()
    {
        // GIVEN a pool of one engine on one machine lane
        var lanes = MachineLanes.Open(_folder, 1)!;
        using var pool = new OcrEnginePool("test", 1, () => new IdleEngine(), machineLanes: lanes);

        // WHEN the engine reads, and another process tries the lane meanwhile and afterwards
        var triedWhileReading = await pool.UseAsync(_ => TryLaneFromAnotherProcess(lanes, 0), CancellationToken.None);
        var triedAfterwards = TryLaneFromAnotherProcess(lanes, 0);

        // THEN the lane was the engine's while it read, and free again afterwards
        Assert.False(triedWhileReading);
        Assert.True(triedAfterwards);
    }

    [Fact]
    public void Open_FolderThatIsAFile_FailsNamingIt()
    {
        // GIVEN a file where the lanes' folder should be
        File.WriteAllText(_folder, "not a folder");

        // WHEN the lanes are opened there
        var error = Assert.ThrowsAny<IOException>(() => MachineLanes.Open(_folder, 2));

        // THEN the error names the path
        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (File.Exists(_folder))
        {
            File.Delete(_folder);
        }
        else if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Process HoldLane(MachineLanes lanes, int lane) => OtherProcessLock.Hold(lanes.PathOf(lane));

    private static bool TryLaneFromAnotherProcess(MachineLanes lanes, int lane) => OtherProcessLock.CouldTake(lanes.PathOf(lane));

    private sealed class IdleEngine : IOcrEngine
    {
        public IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken) => [];

        public IReadOnlyList<TextRegion> FindLines(Mat grey, int maxSide, CancellationToken cancellationToken) => [];

        public IReadOnlyList<OcrLine> ReadRegions(Mat grey, IReadOnlyList<TextRegion> regions, CancellationToken cancellationToken) => [];

        public OcrLine ReadLine(Mat grey, CancellationToken cancellationToken) => new("", default, 0);

        public void Dispose()
        {
        }
    }
}
