using System.Globalization;
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

    /// <summary>What a hit shows, stored beside the record so a result page reads a few fields, not whole records.</summary>
    public const string Applicant = "applicant";
    public const string SubmittedAtText = "submittedAtText";

    /// <summary>The report's own text, stored for snippets. Its own name: in an index written before snippets came from
    /// the report alone, the stored body also held findings and OCR text, so a hit without this field is rebuilt
    /// from the record instead.</summary>
    public const string ReportText = "reportText";

    /// <summary>The submission id again as a binary doc value: a copy candidate's id read without a stored-fields visit,
    /// which decompresses the document's first block before it can stop.</summary>
    public const string IdValue = "submissionIdValue";

    /// <summary>Binary doc values of the record's <see cref="RecordOutline"/>.</summary>
    public const string Outline = "outline";

    private const int MaxOutlineBytes = 32_000;

    public static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        SearchFields.SubmissionId, SearchFields.Title, ReportText, SearchFields.Type, SearchFields.Verdict, SearchFields.ReviewState, SearchFields.Edition,
        SearchFields.Recommender, Applicant, SubmittedAtText,
    };

    public static Term IdTerm(string submissionId) => new(SearchFields.SubmissionId, submissionId);

    /// <param name="recordJson">The record as <see cref="CaseRecordJson.Serialize"/> writes it, when the caller has it
    /// already (the write journal holds the same string).</param>
    public static Document Build(CaseRecord record, string? recordJson = null)
    {
        var source = CaseDocument.From(record);
        var document = new Document
        {
            new StringField(SearchFields.SubmissionId, record.SubmissionId, Field.Store.YES),
            new BinaryDocValuesField(IdValue, new BytesRef(record.SubmissionId)),
            new TextField(SearchFields.Title, source.Title, Field.Store.YES),
            new TextField(SearchFields.Headings, source.Headings, Field.Store.NO),
            new TextField(SearchFields.Body, source.Body, Field.Store.NO),
            new StoredField(ReportText, source.Body),
            new TextField(SearchFields.Form, source.Form, Field.Store.NO),
            new TextField(SearchFields.Findings, source.Findings, Field.Store.NO),
            new TextField(SearchFields.Pages, source.Pages, Field.Store.NO),
            new TextField(SearchFields.Classification, source.Classification, Field.Store.NO),
            new NumericDocValuesField(EditionNumber, source.Edition ?? 0),
            new Int64Field(SearchFields.SubmittedAt, source.SubmittedAt?.ToUnixTimeMilliseconds() ?? 0, Field.Store.NO),
            new NumericDocValuesField(SearchFields.SubmittedAt, source.SubmittedAt?.ToUnixTimeMilliseconds() ?? 0),
            new Int32Field(SearchFields.Rating, source.Rating, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Rating, source.Rating),
        };
        AddKeyword(document, SearchFields.Type, source.Type);
        AddKeyword(document, SearchFields.Verdict, source.Verdict);
        AddKeyword(document, SearchFields.ReviewState, source.ReviewState);
        AddKeyword(document, SearchFields.Edition, source.Edition?.ToString(CultureInfo.InvariantCulture));
        AddKeyword(document, SearchFields.Recommender, source.Recommender);
        if (source.Applicant is { } applicant)
        {
            document.Add(new StoredField(Applicant, applicant));
        }

        if (source.SubmittedAt is { } submittedAt)
        {
            document.Add(new StoredField(SubmittedAtText, submittedAt.ToString("O", CultureInfo.InvariantCulture)));
        }

        foreach (var code in source.FindingCodes)
        {
            document.Add(new StringField(SearchFields.FindingCode, code, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(SearchFields.FindingCode, new BytesRef(code)));
        }

        // The outline as a doc value: a stage reading thousands of records reads these bytes, never the stored record.
        // Past the doc values' term size limit (a record with hundreds of findings) it is left out and read from the record.
        if (RecordOutline.Serialize(record) is { Length: <= MaxOutlineBytes } outline)
        {
            document.Add(new BinaryDocValuesField(Outline, new BytesRef(outline)));
        }

        // Stored last: a hit reads the fields before it and stops (StoredStringsVisitor), never decompressing the record.
        document.Add(new StoredField(SearchFields.Record, recordJson ?? CaseRecordJson.Serialize(record)));
        return document;
    }

    /// <summary>The hit fields of a stored document; null for a document indexed before they were stored (reindex).</summary>
    public static CaseDocument? ReadHit(StoredStringsVisitor stored)
    {
        if (stored[SearchFields.Title] is not { } title || stored[ReportText] is not { } body)
        {
            return null;
        }

        return new CaseDocument
        {
            SubmissionId = stored[SearchFields.SubmissionId] ?? "",
            Title = title,
            Headings = "",
            Body = body,
            Type = stored[SearchFields.Type],
            Verdict = stored[SearchFields.Verdict] ?? "",
            ReviewState = stored[SearchFields.ReviewState] ?? "",
            Edition = int.TryParse(stored[SearchFields.Edition], NumberStyles.None, CultureInfo.InvariantCulture, out var edition) ? edition : null,
            Recommender = stored[SearchFields.Recommender],
            Applicant = stored[Applicant],
            SubmittedAt = DateTimeOffset.TryParse(stored[SubmittedAtText], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
        };
    }

    private static void AddKeyword(Document document, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
