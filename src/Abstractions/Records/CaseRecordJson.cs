using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CaseIngest.Abstractions.Records;

/// <summary>The one way a <see cref="CaseRecord"/> is written and read: camelCase names, nulls written, Chinese unescaped.</summary>
public static class CaseRecordJson
{
    /// <summary>Options for records (indented = false, for JSON Lines and the index).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, for people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    // Snapshots write the record without its report text, which they keep as the string it is.
    private static JsonSerializerOptions SnapshotOptions { get; } = WithoutReportText(Options);

    /// <summary>Serialises a record.</summary>
    public static string Serialize(CaseRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? Indented : Options);

    /// <summary>Reads a record.</summary>
    public static CaseRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseRecord>(json, Options) ?? throw new JsonException("A case record was null.");

    /// <summary>A deep copy, through JSON (records are plain data).</summary>
    public static CaseRecord Clone(CaseRecord record)
    {
        using var snapshot = Snapshot(record);
        return snapshot.Restore(Options);
    }

    /// <summary>The record as it is now, to restore if what changes it next fails: half the cost of a
    /// <see cref="Clone"/>, and nothing more is paid when nothing fails. Dispose it when done.</summary>
    public static RecordSnapshot Snapshot(CaseRecord record) => RecordSnapshot.Of(record, SnapshotOptions);

    /// <summary>A new record as it was at the <see cref="Snapshot"/>.</summary>
    public static CaseRecord Restore(RecordSnapshot snapshot) => snapshot.Restore(Options);

    /// <summary>An enum of the record as its JSON writes it (<c>needs_review</c>, <c>non_compliant</c>).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    private static JsonSerializerOptions WithoutReportText(JsonSerializerOptions options)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(ReportSection))
            {
                return;
            }

            foreach (var property in info.Properties)
            {
                if (property.AttributeProvider is PropertyInfo { Name: nameof(ReportSection.Text) })
                {
                    property.ShouldSerialize = static (_, _) => false;
                }
            }
        });
        var without = new JsonSerializerOptions(options) { TypeInfoResolver = resolver };
        without.MakeReadOnly();
        return without;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
