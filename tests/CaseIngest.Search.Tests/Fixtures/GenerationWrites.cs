using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Lucene;
using Lucene.Net.Documents;

namespace CaseIngest.Search.Tests.Fixtures;

/// <summary>A record as <see cref="LuceneIndexGeneration.Write"/> takes it: its id, its document and its json.</summary>
internal static class GenerationWrites
{
    public static (string SubmissionId, Document Document, string RecordJson) Of(string id)
    {
        var record = TestRecords.Case(id, "案例", "港口");
        var json = CaseRecordJson.Serialize(record);
        return (id, LuceneDocumentBuilder.Build(record, json), json);
    }
}
