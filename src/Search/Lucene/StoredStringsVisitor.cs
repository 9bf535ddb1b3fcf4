using CaseIngest.Search.Documents;
using Lucene.Net.Index;

namespace CaseIngest.Search.Lucene;

/// <summary>Reads some of a document's stored fields as strings, without building a Lucene document. The whole record
/// is stored last (<see cref="LuceneDocumentBuilder"/>), so once a wanted field has been read the visit stops at the
/// record before decompressing it — the largest stored field by far; in an index written before that order no wanted
/// field precedes it, and the record is skipped instead.</summary>
/// <param name="fields">The fields to read.</param>
/// <param name="enough">Asked before each further field: true stops the visit with what was read so far.</param>
internal sealed class StoredStringsVisitor(ISet<string> fields, Func<StoredStringsVisitor, bool>? enough = null) : StoredFieldVisitor
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string field] => _values.GetValueOrDefault(field);

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (_values.Count == fields.Count || enough?.Invoke(this) == true)
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
