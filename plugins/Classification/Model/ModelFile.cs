using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseIngest.Plugins.Classification.Model;

/// <summary>The model file: JSON with sorted keys and no timestamps, so the same training data writes the same bytes,
/// and the version is a hash of the content (two files with one version are the same model).</summary>
internal static class ModelFile
{
    // 2: thresholds in the file; applicant (a:) and framing (f:) features; n-grams of the names and those regions only.
    public const int Format = 2;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ContentHash(ClassificationModel model) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ToDto(model, version: ""), s_json))))[..12];

    public static async Task SaveAsync(ClassificationModel model, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside and moved into place, so a step loading the model never reads half a file.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, ToDto(model, model.Version), s_json, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<ClassificationModel> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await LoadAsync(stream, path, cancellationToken);
    }

    /// <summary>Reads a model from <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public static async Task<ClassificationModel> LoadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        ModelDto? dto;
        try
        {
            dto = await JsonSerializer.DeserializeAsync<ModelDto>(stream, s_json, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Classification model {path} is not valid JSON: {ex.Message}", ex);
        }

        if (dto is null || dto.Format != Format || dto.Types.Count == 0 || string.IsNullOrEmpty(dto.Version) || dto.Thresholds is null)
        {
            throw new InvalidDataException($"Classification model {path} is not a format-{Format} model file (format, version, types and thresholds are required; a model of an older format must be trained again with `caseingest train`).");
        }

        try
        {
            return new ClassificationModel(dto.Version, dto.Types, dto.NgramSizes,
                dto.Weights.ToDictionary(StringComparer.Ordinal), dto.Bias, dto.Temperature, dto.Thresholds, dto.Training);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"Classification model {path}: {ex.Message}", ex);
        }
    }

    private static ModelDto ToDto(ClassificationModel model, string version) => new()
    {
        Format = Format,
        Version = version,
        Types = [.. model.Types],
        NgramSizes = [.. model.NgramSizes],
        Temperature = model.Temperature,
        Thresholds = model.Thresholds,
        Bias = [.. model.Bias],
        Training = model.Training,
        // Inserted in ordinal key order, which is the order System.Text.Json writes a dictionary in.
        Weights = model.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
    };

    private sealed class ModelDto
    {
        public int Format { get; set; }
        public string Version { get; set; } = "";
        public List<string> Types { get; set; } = [];
        public List<int> NgramSizes { get; set; } = [];
        public double Temperature { get; set; } = 1;
        public Thresholds? Thresholds { get; set; }
        public List<double> Bias { get; set; } = [];
        public TrainingSummary? Training { get; set; }
        public Dictionary<string, double[]> Weights { get; set; } = new(StringComparer.Ordinal);
    }
}
