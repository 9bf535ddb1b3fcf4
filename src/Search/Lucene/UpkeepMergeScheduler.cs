using Lucene.Net.Index;

namespace CaseIngest.Search.Lucene;

/// <summary>Lucene's concurrent merges, each merge thread lowered to the upkeep priority (<see cref="UpkeepPriority"/>)
/// before its first merge. A merge thread does merges only and ends after them.</summary>
internal sealed class UpkeepMergeScheduler : ConcurrentMergeScheduler
{
    protected override void DoMerge(MergePolicy.OneMerge merge)
    {
        UpkeepPriority.LowerCurrentThread();
        base.DoMerge(merge);
    }
}
