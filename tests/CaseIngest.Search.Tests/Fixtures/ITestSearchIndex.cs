namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>A search backend made for one test and removed with it.</summary>
public interface ITestSearchIndex : IAsyncDisposable
{
    ISearchIndex Index { get; }
}
