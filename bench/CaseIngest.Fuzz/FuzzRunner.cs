using System.Diagnostics;
using System.Globalization;

namespace CaseIngest.Fuzz;

/// <summary>Runs one target: its seeds as they are, then mutations until the time is up.</summary>
internal sealed class FuzzRunner(FuzzTarget target, string scratch, string findings, TimeSpan timeout, long maxAllocation, Random random)
{
    private readonly Mutator _mutator = new(random);

    public async Task<FuzzResult> RunAsync(TimeSpan duration)
    {
        var result = new FuzzResult(target.Name, target.Seeds.Count);
        if (target.Seeds.Count == 0)
        {
            return result;
        }

        var seeds = target.Seeds.Select(File.ReadAllBytes).ToList();
        var clock = Stopwatch.StartNew();
        // Seeds as they are first (a quarter of the time at most: slow readers have many), then mutations.
        for (var i = 0; i < seeds.Count && clock.Elapsed < duration / 4; i++)
        {
            await ExecuteAsync(seeds[i], result);
        }

        while (clock.Elapsed < duration)
        {
            var input = _mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], target.IsZipContainer);
            await ExecuteAsync(input, result);
        }

        result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    private async Task ExecuteAsync(byte[] input, FuzzResult result)
    {
        var path = Path.Combine(scratch, "input" + target.Extension);
        var work = Path.Combine(scratch, "work");
        await File.WriteAllBytesAsync(path, input);
        Directory.CreateDirectory(work);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            // WaitAsync: a reader that ignores its token is still seen as hanging, not waited for.
            await target.ReadAsync(path, work, cancellation.Token).WaitAsync(timeout + TimeSpan.FromSeconds(5));
            if (cancellation.IsCancellationRequested)
            {
                Save(input, result, "hang", $"ran {watch.Elapsed.TotalSeconds:0.0} s (timeout {timeout.TotalSeconds:0} s)");
                result.Hangs++;
            }
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            Save(input, result, "hang", $"no answer after {watch.Elapsed.TotalSeconds:0.0} s (timeout {timeout.TotalSeconds:0} s)");
            result.Hangs++;
        }
        catch (Exception ex)
        {
            var signature = $"{ex.GetType().Name} at {TopFrame(ex)}";
            if (result.Crashes.Add(signature))
            {
                Save(input, result, "crash", signature + Environment.NewLine + ex);
            }

            result.CrashExecutions++;
        }
        finally
        {
            watch.Stop();
            result.Executions++;
            result.SlowestMs = Math.Max(result.SlowestMs, watch.Elapsed.TotalMilliseconds);
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            result.MostAllocated = Math.Max(result.MostAllocated, allocated);
            if (allocated > maxAllocation)
            {
                result.BlowUps++;
                Save(input, result, "alloc", $"allocated {allocated / 1024 / 1024} MB");
            }

            TryDelete(work);
        }
    }

    private static string TopFrame(Exception ex)
    {
        var frame = new StackTrace(ex, fNeedFileInfo: false).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("CaseIngest", StringComparison.Ordinal) == true);
        return frame?.GetMethod() is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : "?";
    }

    private void Save(byte[] input, FuzzResult result, string kind, string description)
    {
        Directory.CreateDirectory(findings);
        var name = $"{target.Name}-{kind}-{result.Executions.ToString(CultureInfo.InvariantCulture)}";
        File.WriteAllBytes(Path.Combine(findings, name + target.Extension), input);
        File.WriteAllText(Path.Combine(findings, name + ".txt"), description);
        Console.Error.WriteLine($"{target.Name}: {kind}: {description.Split(Environment.NewLine)[0]} -> {name}{target.Extension}");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The next execution starts with whatever is left; it is only scratch.
        }
    }
}

/// <summary>What one target's run found.</summary>
internal sealed class FuzzResult(string target, int seeds)
{
    public string Target { get; } = target;
    public int Seeds { get; } = seeds;
    public long Executions { get; set; }
    public double Seconds { get; set; }
    public HashSet<string> Crashes { get; } = new(StringComparer.Ordinal);
    public long CrashExecutions { get; set; }
    public int Hangs { get; set; }
    public int BlowUps { get; set; }
    public double SlowestMs { get; set; }
    public long MostAllocated { get; set; }

    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {Seeds} | {Executions} | {(Seconds > 0 ? Executions / Seconds : 0):0.0} | {CrashExecutions} ({Crashes.Count}) | {Hangs} | {SlowestMs:0} | {MostAllocated / 1024.0 / 1024.0:0.0} |");
}
