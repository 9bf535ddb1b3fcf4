namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>Tests that run once per search backend: each backend derives a class that says which index to make; the
/// index is made before each test and removed after it.</summary>
public abstract class SearchBackendTests : IAsyncLifetime
{
    private ITestSearchIndex? _backend;

    protected ISearchIndex Index => _backend?.Index ?? throw new InvalidOperationException("Not initialised");

    protected abstract ITestSearchIndex CreateBackend();

    public virtual Task InitializeAsync()
    {
        _backend = CreateBackend();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}
