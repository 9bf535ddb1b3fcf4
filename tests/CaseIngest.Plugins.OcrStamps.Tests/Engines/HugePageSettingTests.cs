using CaseIngest.Ocr.Engines.Paddle;

namespace CaseIngest.Plugins.OcrStamps.Tests.Engines;

/// <summary>Whether glibc puts large blocks on transparent huge pages, and the arena budget that follows from it.</summary>
public sealed class HugePageSettingTests
{
    [Theory]
    [InlineData("always", null, true)]
    [InlineData("madvise", "glibc.malloc.hugetlb=1", true)]
    [InlineData("madvise", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", true)]
    [InlineData("madvise", null, false)]
    [InlineData("madvise", "glibc.malloc.hugetlb=0", false)]
    [InlineData("madvise", "glibc.malloc.arena_max=2", false)]
    [InlineData("never", "glibc.malloc.hugetlb=1", false)]
    [InlineData(null, "glibc.malloc.hugetlb=1", false)]
    public void LargeBlocksOnHugePages_KernelModeAndTunable(string? kernelMode, string? tunables, bool expected) =>
        Assert.Equal(expected, new HugePageSetting(kernelMode, tunables).LargeBlocksOnHugePages);

    [Theory]
    [InlineData("madvise", null, true)]
    [InlineData("madvise", "glibc.malloc.hugetlb=1", false)]
    [InlineData("always", null, false)]
    [InlineData("never", null, false)]
    public void MallocCouldAsk_OnlyWhereTheKernelWaitsToBeAsked(string? kernelMode, string? tunables, bool expected) =>
        Assert.Equal(expected, new HugePageSetting(kernelMode, tunables).MallocCouldAsk);

    [Theory]
    [InlineData("always [madvise] never\n", "madvise")]
    [InlineData("[always] madvise never", "always")]
    [InlineData("always madvise [never]", "never")]
    [InlineData("always madvise never", null)]
    public void SelectedMode_TheBracketedWord(string line, string? expected) =>
        Assert.Equal(expected, HugePageSetting.SelectedMode(line));

    [Fact]
    public void DefaultBudgetMiB_OnHugePages_EveryRunHandsBack() =>
        Assert.Equal(0, ArenaRetention.DefaultBudgetMiB(new HugePageSetting("madvise", "glibc.malloc.hugetlb=1")));

    [Fact]
    public void DefaultBudgetMiB_OnSmallPages_KeepsTheArenaUnder450MiB() =>
        Assert.Equal(450, ArenaRetention.DefaultBudgetMiB(new HugePageSetting("madvise", null)));

    [Fact]
    public void OfThisProcess_ReadsTheEnvironmentItStartedWith() =>
        Assert.Equal(Environment.GetEnvironmentVariable("GLIBC_TUNABLES"), HugePageSetting.OfThisProcess().GlibcTunables);
}
