namespace CaseIngest.Lanes;

/// <summary>A lane held; disposing lets it go.</summary>
public readonly struct MachineLane : IDisposable
{
    private readonly MachineLaneHolder? _holder;

    internal MachineLane(MachineLaneHolder holder, int index)
    {
        _holder = holder;
        Index = index;
    }

    /// <summary>Which of the machine's lanes this is.</summary>
    public int Index { get; }

    public void Dispose() => _holder?.Exit(Index);
}
