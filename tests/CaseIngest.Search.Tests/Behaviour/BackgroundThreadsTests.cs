using System.Globalization;
using CaseIngest.Search.Lucene;

namespace CaseIngest.Search.Tests.Behaviour;

/// <summary>Index upkeep runs on threads of lowered priority, and only those: the caller's thread keeps its own.</summary>
public sealed class BackgroundThreadsTests
{
    [Fact]
    public async Task Run_TheWorkRunsAtTheUpkeepNice_OnAThreadOfItsOwn_TheCallerKeepsItsPriority()
    {
        var caller = (Environment.CurrentManagedThreadId, Nice: CurrentThreadNice());
        (int Thread, int Nice)? upkeep = null;

        await BackgroundThreads.Run("test upkeep", () => upkeep = (Environment.CurrentManagedThreadId, CurrentThreadNice()));

        Assert.NotNull(upkeep);
        Assert.NotEqual(caller.CurrentManagedThreadId, upkeep.Value.Thread);
        Assert.Equal(Math.Max(caller.Nice, BackgroundThreads.UpkeepNice), upkeep.Value.Nice);
        Assert.Equal(caller.Nice, CurrentThreadNice());
    }

    /// <summary>The calling thread's nice value: field 19 of /proc/thread-self/stat (after the command name's parenthesis).</summary>
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
