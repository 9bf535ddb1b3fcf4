using CaseIngest.Bench.Reporting;

namespace CaseIngest.Bench.Running;

/// <summary>One part of the bench (e2e, ocr, worker, search): measures and returns its rows of the table.</summary>
public interface IBenchPart
{
    /// <summary>The name used by <c>--only</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken);
}
