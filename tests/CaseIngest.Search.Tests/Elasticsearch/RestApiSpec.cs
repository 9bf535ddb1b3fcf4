using System.Text.Json;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>Elastic's machine-readable REST API specification (rest-spec/*.json, copied unchanged): what an endpoint
/// allows for method, path, query parameters, content type and body.</summary>
internal sealed class RestApiSpec
{
    private static readonly Lazy<IReadOnlyList<RestApiSpec>> s_all = new(() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rest-spec"), "*.json").Select(Load).ToList());

    public required string Name { get; init; }
    public required IReadOnlyList<(string Path, IReadOnlyList<string> Methods)> Paths { get; init; }
    public required IReadOnlyDictionary<string, (string Type, IReadOnlyList<string> Options)> Params { get; init; }
    public required IReadOnlyList<string> ContentTypes { get; init; }
    public required IReadOnlyList<string> Accepts { get; init; }
    public bool BodyAllowed { get; init; }
    public bool BodyRequired { get; init; }

    public static IReadOnlyList<RestApiSpec> All => s_all.Value;

    /// <summary>The endpoints (there may be several, e.g. GET /{index} and PUT /{index}) allowing the request, with the
    /// reasons the others refuse it.</summary>
    public static (IReadOnlyList<string> Allowing, IReadOnlyList<string> Refusals) Check(RecordedRequest request)
    {
        var allowing = new List<string>();
        var refusals = new List<string>();
        foreach (var spec in All)
        {
            var why = spec.Refusal(request);
            if (why is null)
            {
                allowing.Add(spec.Name);
            }
            else
            {
                refusals.Add($"{spec.Name}: {why}");
            }
        }

        return (allowing, refusals);
    }

    private string? Refusal(RecordedRequest request)
    {
        if (!Paths.Any(p => p.Methods.Contains(request.Method) && Matches(p.Path, request.Path)))
        {
            return $"no path allows {request.Method} {request.Path}";
        }

        foreach (var (name, value) in request.Query)
        {
            if (!Params.TryGetValue(name, out var param))
            {
                return $"query parameter {name} not in the spec";
            }

            if (param.Type == "enum" && !param.Options.Contains(value))
            {
                return $"{name}={value} not one of {string.Join('|', param.Options)}";
            }
        }

        if (!string.IsNullOrEmpty(request.Accept) && !Accepts.Contains(MediaType(request.Accept)))
        {
            return $"accept {request.Accept} not in {string.Join('|', Accepts)}";
        }

        if (request.Body is null)
        {
            return BodyRequired ? "the body is required" : null;
        }

        if (!BodyAllowed)
        {
            return "no body allowed";
        }

        return ContentTypes.Contains(MediaType(request.ContentType)) ? null : $"content type {request.ContentType} not in {string.Join('|', ContentTypes)}";
    }

    /// <summary>The media type the spec names: the client sends Elasticsearch's versioned forms
    /// (<c>application/vnd.elasticsearch+json; compatible-with=9</c>), which the server takes as the plain type.</summary>
    public static string? MediaType(string? header)
    {
        var type = header?.Split(';')[0].Trim();
        return type is not null && type.StartsWith("application/vnd.elasticsearch+", StringComparison.Ordinal)
            ? "application/" + type["application/vnd.elasticsearch+".Length..]
            : type;
    }

    private static bool Matches(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length && expected.Zip(actual).All(p =>
            p.First.StartsWith('{') ? p.Second.Length > 0 && !p.Second.StartsWith('_') : p.First == p.Second);
    }

    private static RestApiSpec Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var endpoint = document.RootElement.EnumerateObject().Single();
        var value = endpoint.Value;
        var body = value.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object ? b : (JsonElement?)null;
        return new RestApiSpec
        {
            Name = endpoint.Name,
            Paths = value.GetProperty("url").GetProperty("paths").EnumerateArray()
                .Select(p => (p.GetProperty("path").GetString()!, (IReadOnlyList<string>)p.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList()))
                .ToList(),
            Params = value.TryGetProperty("params", out var ps)
                ? ps.EnumerateObject().ToDictionary(p => p.Name, p => (
                    p.Value.GetProperty("type").GetString()!,
                    (IReadOnlyList<string>)(p.Value.TryGetProperty("options", out var o) ? o.EnumerateArray().Select(x => x.GetString()!).ToList() : [])))
                : [],
            ContentTypes = value.GetProperty("headers").TryGetProperty("content_type", out var ct) ? ct.EnumerateArray().Select(c => c.GetString()!).ToList() : [],
            Accepts = value.GetProperty("headers").TryGetProperty("accept", out var accept) ? accept.EnumerateArray().Select(c => c.GetString()!).ToList() : [],
            BodyAllowed = body is not null,
            BodyRequired = body is { } required && required.TryGetProperty("required", out var r) && r.GetBoolean(),
        };
    }
}
