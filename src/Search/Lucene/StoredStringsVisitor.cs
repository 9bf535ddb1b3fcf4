using CaseIngest.Search.Documents;
using Lucene.Net.Index;

namespace CaseIngest.Search.Lucene;

/// <summary>Reads some of a document's stored fields as strings, without building a Lucene document. The whole record
/// is stored last (<see cref="LuceneDocumentBuilder"/>), so once a wanted field has been read the visit stops at the
/// record before decompressing it — the largest stored field by far; in an index written before that order no wanted
/// field precedes it, and the record is skipped instead.</summary>
internal sealed class StoredStringsVisitor(ISet<string> fields) : StoredFieldVisitor
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string field] => _values.GetValueOrDefault(field);

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (_values.Count == fields.Count)
        {
            return Status.STOP;
        }

        if (fieldInfo.Name == SearchFields.Record && !fields.Contains(SearchFields.Record))
        {
            return _values.Count > 0 ? Status.STOP : Status.NO;
        }

        return fields.Contains(fieldInfo.Name) ? Status.YES : Status.NO;
    }

    public override void StringField(FieldInfo fieldInfo, string value) => _values[fieldInfo.Name] = value;
}
