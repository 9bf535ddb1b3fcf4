using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Pipeline.Timing;
using CaseIngest.Core.Tests.Support;
using CaseIngest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Core.Tests.Pipeline;

public sealed class PackageTimingsTests
{
    [Fact]
    public void Measure_SameStageTwice_AddsUp_OtherStagesZero()
    {
        var clock = new SteppingClock();
        var timings = new PackageTimings(clock);

        using (timings.Measure(PackageStages.Files))
        {
            clock.Advance(TimeSpan.FromMilliseconds(3));
        }

        using (timings.Measure(PackageStages.Files))
        {
            clock.Advance(TimeSpan.FromMilliseconds(4));
        }

        Assert.Equal(7, timings.Of(PackageStages.Files), precision: 6);
        Assert.Equal(0, timings.Of(PackageStages.Index));
    }

    [Fact]
    public async Task ProcessAsync_WithTimings_EveryStageItRanIsTimed_PageImagesApart_IndexLeftToTheCaller()
    {
        using var host = new TestHostFolder("EchoPlugin");
        await using var provider = host.BuildCore();
        var timings = new PackageTimings(TimeProvider.System);

        var record = await provider.GetRequiredService<ISubmissionProcessor>()
            .ProcessAsync(TestPaths.CorpusPackage("D02"), metadata: null, timings, CancellationToken.None);

        Assert.Equal("D02", record.SubmissionId);
        Assert.All(new[] { PackageStages.Read, PackageStages.Store, PackageStages.Files, PackageStages.PageImages, PackageStages.Plugins, PackageStages.Cleanup },
            stage => Assert.True(timings.Of(stage) > 0, $"{stage} was not timed"));
        Assert.Equal(0, timings.Of(PackageStages.Index));
    }

    /// <summary>A clock that moves only when told: the test decides how long a stage took.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
