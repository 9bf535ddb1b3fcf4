using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseIngest.Abstractions.Records;

/// <summary>Writes an enum as its snake_case name (<c>needs_review</c>).</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Writes an enum as its camelCase name (<c>stampPage</c>).</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
