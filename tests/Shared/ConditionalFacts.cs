namespace CaseIngest.Testing;

/// <summary>A fact that is skipped outside the workplace, where ../shared/real-world is absent.</summary>
public sealed class SharedRealWorldFactAttribute : FactAttribute
{
    public SharedRealWorldFactAttribute()
    {
        if (TestPaths.SharedRealWorld is null)
        {
            Skip = "../shared/real-world is not available here";
        }
    }
}

/// <summary>Runs only when CASEINGEST_BENCH=1: speed is measured on demand, never in the regular suite.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CASEINGEST_BENCH") != "1")
        {
            Skip = "benchmark: set CASEINGEST_BENCH=1 to run";
        }
    }
}

/// <summary>Runs only when CASEINGEST_ES_URL names an Elasticsearch node (comma-separated for several): the Elasticsearch
/// half of a suite that runs on both search backends.</summary>
public sealed class ElasticsearchNodeFactAttribute : FactAttribute
{
    public const string Variable = "CASEINGEST_ES_URL";

    public ElasticsearchNodeFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: no Elasticsearch to test against";
        }
    }
}
