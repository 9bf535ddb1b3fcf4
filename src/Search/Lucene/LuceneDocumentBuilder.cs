using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CaseIngest.Search.Lucene;

/// <summary>A record as a Lucene document: analysed texts, keyword filters (indexed <see cref="StringField"/>s, so
/// delete-by-term works for <c>submissionId</c>), doc values for facets and sorting, and the whole record stored.</summary>
internal static class LuceneDocumentBuilder
{
    /// <summary>Numeric doc values of the edition (the string field of the same name serves filters and facets).</summary>
    public const string EditionNumber = "editionNumber";

    public static Term IdTerm(string submissionId) => new(SearchFields.SubmissionId, submissionId);

    public static Document Build(CaseRecord record)
    {
        var source = CaseDocument.From(record);
        var document = new Document
        {
            new StringField(SearchFields.SubmissionId, record.SubmissionId, Field.Store.YES),
            new StoredField(SearchFields.Record, CaseRecordJson.Serialize(record)),
            new TextField(SearchFields.Title, source.Title, Field.Store.NO),
            new TextField(SearchFields.Headings, source.Headings, Field.Store.NO),
            new TextField(SearchFields.Body, source.Body, Field.Store.NO),
            new NumericDocValuesField(EditionNumber, source.Edition ?? 0),
            new Int64Field(SearchFields.SubmittedAt, source.SubmittedAt?.ToUnixTimeMilliseconds() ?? 0, Field.Store.NO),
            new NumericDocValuesField(SearchFields.SubmittedAt, source.SubmittedAt?.ToUnixTimeMilliseconds() ?? 0),
            new Int32Field(SearchFields.Rating, source.Rating, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Rating, source.Rating),
        };
        AddKeyword(document, SearchFields.Type, source.Type);
        AddKeyword(document, SearchFields.Verdict, source.Verdict);
        AddKeyword(document, SearchFields.Edition, source.Edition?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddKeyword(document, SearchFields.Recommender, source.Recommender);
        foreach (var code in source.FindingCodes)
        {
            document.Add(new StringField(SearchFields.FindingCode, code, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(SearchFields.FindingCode, new BytesRef(code)));
        }

        return document;
    }

    private static void AddKeyword(Document document, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        document.Add(new StringField(field, value, Field.Store.NO));
        document.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
