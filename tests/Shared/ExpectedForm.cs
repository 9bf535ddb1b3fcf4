using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Testing;

/// <summary>Compares an extracted form with <c>expected/&lt;id&gt;.json</c>'s <c>form</c>: strings after trimming, numbers by
/// value, declaredTypes as a list. Every difference is listed, so one failing package shows all its wrong fields.
/// Shared by the form plugin's tests and the end-to-end tests of packages in other formats (#17).</summary>
internal static class ExpectedForm
{
    /// <summary>The codes this plugin raises: the expected violations are compared restricted to these.</summary>
    public static readonly string[] PluginCodes =
    [
        FindingCodes.MissingField, FindingCodes.TypeNotTicked, FindingCodes.MultipleTypesTicked, FindingCodes.InvalidContact,
        FindingCodes.CreatorsCount, FindingCodes.IndicatorInconsistent, FindingCodes.UnsupportedFormFormat,
    ];

    /// <summary>How many fields <see cref="Differences"/> compares for <paramref name="expected"/>: each text, the
    /// declared types, each indicator, each contact's four parts and each creator's three.</summary>
    public static int FieldCount(JsonElement expected) => expected.EnumerateObject().Sum(property => property.Name switch
    {
        "indicators" => property.Value.EnumerateObject().Count(),
        "applicantContact" or "recommenderContact" => 4,
        "creators" => property.Value.GetArrayLength() * 3,
        _ => 1,
    });

    public static List<string> Differences(JsonElement expected, FormSection? actual)
    {
        var diffs = new List<string>();
        if (actual is null)
        {
            return ["form: null"];
        }

        foreach (var property in expected.EnumerateObject())
        {
            var e = property.Value;
            switch (property.Name)
            {
                case "caseName": Text(diffs, "caseName", e, actual.CaseName); break;
                case "applicant": Text(diffs, "applicant", e, actual.Applicant); break;
                case "recommender": Text(diffs, "recommender", e, actual.Recommender); break;
                case "applicantOpinion": Text(diffs, "applicantOpinion", e, actual.ApplicantOpinion); break;
                case "recommenderOpinion": Text(diffs, "recommenderOpinion", e, actual.RecommenderOpinion); break;
                case "declaredTypes":
                    var types = e.EnumerateArray().Select(t => t.GetString()).ToList();
                    if (!types.SequenceEqual(actual.DeclaredTypes))
                    {
                        diffs.Add($"declaredTypes: expected [{string.Join(",", types)}] got [{string.Join(",", actual.DeclaredTypes)}]");
                    }

                    break;
                case "indicators":
                    foreach (var indicator in e.EnumerateObject())
                    {
                        var got = actual.Indicators.GetValueOrDefault(indicator.Name);
                        var want = indicator.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();
                        if (got is null || !want.SequenceEqual(got))
                        {
                            diffs.Add($"indicators.{indicator.Name}: expected [{string.Join(",", want)}] got [{(got is null ? "missing" : string.Join(",", got))}]");
                        }
                    }

                    break;
                case "applicantContact": Contact(diffs, "applicantContact", e, actual.ApplicantContact); break;
                case "recommenderContact": Contact(diffs, "recommenderContact", e, actual.RecommenderContact); break;
                case "creators":
                    var creators = e.EnumerateArray().ToList();
                    if (creators.Count != actual.Creators.Count)
                    {
                        diffs.Add($"creators: expected {creators.Count} got {actual.Creators.Count}");
                    }

                    for (var i = 0; i < Math.Min(creators.Count, actual.Creators.Count); i++)
                    {
                        Text(diffs, $"creators[{i}].name", creators[i].GetProperty("name"), actual.Creators[i].Name);
                        Text(diffs, $"creators[{i}].title", creators[i].GetProperty("title"), actual.Creators[i].Title);
                        Text(diffs, $"creators[{i}].rank", creators[i].GetProperty("rank"), actual.Creators[i].Rank);
                    }

                    break;
                default:
                    diffs.Add($"{property.Name}: not compared (unknown field)");
                    break;
            }
        }

        return diffs;
    }

    private static void Contact(List<string> diffs, string path, JsonElement expected, Contact? actual)
    {
        Text(diffs, path + ".name", expected.GetProperty("name"), actual?.Name);
        Text(diffs, path + ".title", expected.GetProperty("title"), actual?.Title);
        Text(diffs, path + ".phone", expected.GetProperty("phone"), actual?.Phone);
        Text(diffs, path + ".email", expected.GetProperty("email"), actual?.Email);
    }

    private static void Text(List<string> diffs, string path, JsonElement expected, string? actual)
    {
        var want = expected.ValueKind == JsonValueKind.Null ? null : expected.GetString()?.Trim();
        if (want != actual?.Trim())
        {
            diffs.Add($"{path}: expected '{want}' got '{actual}'");
        }
    }
}
