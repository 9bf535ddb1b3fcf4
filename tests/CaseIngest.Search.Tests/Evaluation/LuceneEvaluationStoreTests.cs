using CaseIngest.Search.Audit;
using CaseIngest.Search.Evaluation;
using CaseIngest.Search.Repository;
using CaseIngest.Search.Tests.Fixtures;

namespace CaseIngest.Search.Tests.Evaluation;

/// <summary>The evaluation store's behaviour suite on the embedded default: <see cref="RepositoryEvaluationStore"/> over
/// the Lucene index and the SQLite audit store.</summary>
public sealed class LuceneEvaluationStoreTests : EvaluationStoreBehaviour
{
    protected override ITestEvaluationBackend CreateBackend() => new Backend();

    private sealed class Backend : ITestEvaluationBackend
    {
        private readonly LuceneTestIndex _lucene = new();
        private readonly CaseRepository _repository;

        public Backend()
        {
            _repository = _lucene.Repository();
            Store = new RepositoryEvaluationStore(_repository, TimeProvider.System);
        }

        public IEvaluationStore Store { get; }

        public ICaseRepository Repository => _repository;

        public ISearchIndex Index => _lucene.Index;

        public ISearchIndexMaintenance Maintenance => _lucene.Index;

        public IAuditStore Audit => _lucene.Audit;

        public ValueTask DisposeAsync()
        {
            _repository.Dispose();
            return _lucene.DisposeAsync();
        }
    }
}
