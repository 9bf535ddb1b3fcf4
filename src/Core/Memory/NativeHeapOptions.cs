using System.ComponentModel.DataAnnotations;

namespace CaseIngest.Core.Memory;

/// <summary>How a long-running process hands native memory back (section <c>NativeHeap</c>). Only glibc's allocator is
/// tuned; elsewhere these settings do nothing.</summary>
public sealed class NativeHeapOptions
{
    public const string SectionName = "NativeHeap";

    /// <summary>Hand freed native pages back to the system after each package (glibc <c>malloc_trim</c>). The OCR
    /// engines allocate and free page-sized images and tensors per package; glibc keeps the freed blocks in its arenas,
    /// so without this a worker's resident set climbs to the sum of every arena's high-water mark.</summary>
    public bool TrimAfterPackage { get; set; } = true;

    /// <summary>The trim after a package runs only when glibc's arenas hold at least this many free bytes
    /// (<c>mallinfo2().fordblks</c>); 0 trims after every package. A package without OCR frees little (the arenas never
    /// held 16 MiB free in 300 of them): trimming it each time (<c>madvise</c>, then the next package faulting the pages
    /// in again) cost 0.1–0.8 ms of a 12 ms package's median in three pools (docs/BENCHMARKS.md, #20, session 18). After
    /// OCR the arenas hold more and every package still trims. What stays untrimmed is at most this much.</summary>
    [Range(0, long.MaxValue)]
    public long TrimAboveFreeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The arenas are looked at (<c>mallinfo2</c>, which walks every free chunk: ~0.3 ms on a warm heap) at most
    /// this often, in milliseconds; 0 after every package. Packages without OCR end every ~12 ms and free little; a
    /// lane's package with OCR ends about once a second and is looked after each time.</summary>
    [Range(0, 60_000)]
    public int TrimCheckIntervalMs { get; set; } = 100;

    /// <summary>At most this many glibc arenas (<c>mallopt(M_ARENA_MAX)</c>), set once at start; 0 leaves glibc's
    /// default (eight per core), under which each thread that ever ran OCR can pin an arena of its own.</summary>
    [Range(0, 1024)]
    public int ArenaMax { get; set; } = 2;

    /// <summary>Blocks of at least this many bytes get pages of their own from the system and give them back when freed
    /// (<c>mallopt(M_MMAP_THRESHOLD)</c>), set once at start; 0 leaves glibc's sliding threshold, which rises to the
    /// largest block ever freed (up to 32 MiB) and from then on keeps every page image and tensor below that in the
    /// arenas, where a block freed by one OCR lane stays resident while the other lane peaks. 1 MiB measured best
    /// (<c>docs/BENCHMARKS.md</c>, memory, session 7): ~50 MiB lower peaks at two lanes, no more system time.</summary>
    [Range(0, MaxMmapThreshold)]
    public int MmapThreshold { get; set; } = 1024 * 1024;

    /// <summary>glibc's ceiling for <see cref="MmapThreshold"/> on 64-bit systems (<c>HEAP_MAX_SIZE / 2</c>).</summary>
    public const int MaxMmapThreshold = 32 * 1024 * 1024;
}
