using System.Globalization;
using System.Runtime.InteropServices;
using CaseIngest.Core.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CaseIngest.Core.Tests.Memory;

/// <summary>Runs on glibc (Debian, as the product and CI do): the trim is glibc's <c>malloc_trim</c>.</summary>
public sealed class NativeHeapTests
{
    private const int BlockBytes = 64 * 1024;
    private const int Blocks = 3_000;
    private const int KeptEvery = 50;

    [Fact]
    public void AfterPackage_FreedNativeBlocksTheAllocatorHolds_GoBackToTheSystem()
    {
        var heap = new NativeHeap(Options.Create(new NativeHeapOptions()), TimeProvider.System, NullLogger<NativeHeap>.Instance);

        var (before, after, trimmed) = WithPinnedFreedBlocks(heap.AfterPackage);

        Assert.True(trimmed);
        Assert.True(before - after > 100, $"resident {before:0} MiB before the trim, {after:0} MiB after");
    }

    [Fact]
    public void AfterPackage_FewerFreeBytesThanTheThreshold_LeavesThemResident()
    {
        // ~184 MiB free in the arenas (2,940 freed blocks of 64 KiB), under a threshold of 1 TiB: a trim would hand back
        // over 100 MiB (the test above).
        var heap = new NativeHeap(Options.Create(new NativeHeapOptions { TrimAboveFreeBytes = 1L << 40 }), TimeProvider.System, NullLogger<NativeHeap>.Instance);

        var (before, after, trimmed) = WithPinnedFreedBlocks(heap.AfterPackage);

        Assert.False(trimmed);
        Assert.True(before - after < 50, $"resident {before:0} MiB before, {after:0} MiB after: the heap was trimmed");
    }

    [Fact]
    public void AfterPackage_SoonAfterALook_LeavesTheArenasAlone()
    {
        // The freed blocks stay free chunks in the arenas after a trim (mallinfo2 still counts ~184 MiB): whether a
        // package end looks again is the interval's doing alone.
        var clock = new FakeTimeProvider();
        var heap = new NativeHeap(Options.Create(new NativeHeapOptions { TrimCheckIntervalMs = 100 }), clock, NullLogger<NativeHeap>.Instance);
        bool? soon = null, later = null;

        var (_, _, first) = WithPinnedFreedBlocks(() =>
        {
            var trimmed = heap.AfterPackage();
            clock.Advance(TimeSpan.FromMilliseconds(99));
            soon = heap.AfterPackage();
            clock.Advance(TimeSpan.FromMilliseconds(1));
            later = heap.AfterPackage();
            return trimmed;
        });

        Assert.True(first);
        Assert.False(soon);
        Assert.True(later);
    }

    /// <summary>~188 MiB of blocks under glibc's mmap threshold, each page touched so it is resident; then all but every
    /// 50th freed: the survivors pin the heap, so glibc's own trimming of the heap's top cannot hand the pages back. Runs
    /// <paramref name="afterPackage"/> with them freed and says the resident set around it.</summary>
    private static (double Before, double After, bool Trimmed) WithPinnedFreedBlocks(Func<bool> afterPackage)
    {
        var blocks = new IntPtr[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Touched(BlockBytes);
        }

        for (var i = 0; i < Blocks; i++)
        {
            if (i % KeptEvery != 0)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }

        try
        {
            var before = ResidentMib();
            var trimmed = afterPackage();
            return (before, ResidentMib(), trimmed);
        }
        finally
        {
            for (var i = 0; i < Blocks; i += KeptEvery)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }
    }

    [Fact]
    public void Configure_WithAnMmapThreshold_FreedLargeBlocksLeaveTheResidentSetAtOnce()
    {
        const int LargeBytes = 2 * 1024 * 1024;
        const int LargeBlocks = 100;
        var heap = new NativeHeap(Options.Create(new NativeHeapOptions { MmapThreshold = 1024 * 1024 }), TimeProvider.System, NullLogger<NativeHeap>.Instance);
        heap.Configure();

        // A freed 8 MiB block is what raises glibc's sliding threshold above 2 MiB: without a fixed threshold the
        // 2 MiB blocks below would come from the heap and stay resident, pinned by the survivors, until a trim.
        Marshal.FreeHGlobal(Touched(8 * 1024 * 1024));
        var blocks = Enumerable.Range(0, LargeBlocks).Select(_ => Touched(LargeBytes)).ToArray();
        var before = ResidentMib();
        for (var i = 0; i < LargeBlocks; i++)
        {
            if (i % KeptEvery != 0)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }

        try
        {
            var after = ResidentMib();

            Assert.True(before - after > 150, $"resident {before:0} MiB with the blocks, {after:0} MiB once freed (no trim)");
        }
        finally
        {
            for (var i = 0; i < LargeBlocks; i += KeptEvery)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }
    }

    private static IntPtr Touched(int bytes)
    {
        var block = Marshal.AllocHGlobal(bytes);
        for (var offset = 0; offset < bytes; offset += 4096)
        {
            Marshal.WriteByte(block, offset, 1);
        }

        return block;
    }

    private static double ResidentMib()
    {
        var pages = File.ReadAllText("/proc/self/statm").Split(' ')[1];
        return long.Parse(pages, CultureInfo.InvariantCulture) * Environment.SystemPageSize / (1024.0 * 1024.0);
    }
}
