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
