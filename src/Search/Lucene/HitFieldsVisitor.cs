using CaseIngest.Search.Documents;
using Lucene.Net.Index;

namespace CaseIngest.Search.Lucene;

/// <summary>Reads a hit's stored fields as strings, without building a Lucene document. The whole record is stored last
/// (<see cref="LuceneDocumentBuilder"/>), so once the hit fields are read the visit stops before decompressing it; in an
/// index written before that order the record is skipped instead.</summary>
internal sealed class HitFieldsVisitor : StoredFieldVisitor
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string field] => _values.GetValueOrDefault(field);

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (fieldInfo.Name == SearchFields.Record)
        {
            return _values.ContainsKey(SearchFields.Title) ? Status.STOP : Status.NO;
        }

        return LuceneDocumentBuilder.HitFields.Contains(fieldInfo.Name) ? Status.YES : Status.NO;
    }

    public override void StringField(FieldInfo fieldInfo, string value) => _values[fieldInfo.Name] = value;
}
