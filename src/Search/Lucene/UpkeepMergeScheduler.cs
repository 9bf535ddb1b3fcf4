using Lucene.Net.Index;

namespace CaseIngest.Search.Lucene;

/// <summary>Lucene's concurrent merges, each on its merge thread lowered to the upkeep priority first
/// (<see cref="BackgroundThreads"/>). A merge thread does merges only and ends after them.</summary>
internal sealed class UpkeepMergeScheduler : ConcurrentMergeScheduler
{
    protected override void DoMerge(MergePolicy.OneMerge merge)
    {
        BackgroundThreads.LowerCurrentThreadPriority();
        base.DoMerge(merge);
    }
}
