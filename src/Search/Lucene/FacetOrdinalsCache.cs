using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CaseIngest.Search.Lucene;

/// <summary>The facet fields' doc-values ordinals of each segment, unpacked once into plain arrays with the values
/// decoded to strings. A segment never changes, so its arrays serve every later query: counting a match becomes an
/// array read and an increment instead of a packed doc-values lookup. Entries go with their segment (weakly keyed by
/// the segment's core).</summary>
internal sealed class FacetOrdinalsCache
{
    private readonly ConditionalWeakTable<object, SegmentFacetOrdinals[]> _segments = new();
    private readonly (string Field, bool MultiValued)[] _fields;

    public FacetOrdinalsCache(IReadOnlyList<(string Field, bool MultiValued)> fields) => _fields = [.. fields];

    /// <summary>The ordinals of every facet field of one segment, in the order the cache was given its fields.</summary>
    public SegmentFacetOrdinals[] Of(AtomicReader reader) =>
        _segments.GetValue(reader.CoreCacheKey, _ => [.. _fields.Select(f => SegmentFacetOrdinals.Read(reader, f.Field, f.MultiValued))]);
}

/// <summary>One facet field of one segment: each document's ordinals (<see cref="Starts"/>[doc] up to
/// <see cref="Starts"/>[doc + 1] in <see cref="Ordinals"/>) and each ordinal's value.</summary>
internal sealed class SegmentFacetOrdinals
{
    private SegmentFacetOrdinals(int[] starts, int[] ordinals, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Values = values;
    }

    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public string[] Values { get; }

    public static SegmentFacetOrdinals Read(AtomicReader reader, string field, bool multiValued)
    {
        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        var scratch = new BytesRef();
        string[] values;
        if (multiValued)
        {
            var docValues = reader.GetSortedSetDocValues(field);
            values = new string[docValues?.ValueCount ?? 0];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                if (docValues is null)
                {
                    continue;
                }

                docValues.SetDocument(doc);
                for (var ord = docValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = docValues.NextOrd())
                {
                    ordinals.Add((int)ord);
                }
            }

            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues!.LookupOrd(ord, scratch);
                values[ord] = scratch.Utf8ToString();
            }
        }
        else
        {
            var docValues = reader.GetSortedDocValues(field);
            values = new string[docValues?.ValueCount ?? 0];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                if (docValues?.GetOrd(doc) is >= 0 and var ord)
                {
                    ordinals.Add(ord);
                }
            }

            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues!.LookupOrd(ord, scratch);
                values[ord] = scratch.Utf8ToString();
            }
        }

        starts[maxDoc] = ordinals.Count;
        return new SegmentFacetOrdinals(starts, [.. ordinals], values);
    }
}
