using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseIngest.Editions.Registry;

/// <summary>The registry file of recommending units (JSON with comments; src/Editions/README.md describes it).</summary>
public sealed class RegistryFile
{
    public List<RegistryEntry> Units { get; set; } = [];

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a registry file.</summary>
    /// <exception cref="RegistryException">The file is missing or not a registry; the message names the file.</exception>
    public static RegistryFile Read(Stream json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<RegistryFile>(json, s_options)
                   ?? throw new RegistryException($"{source}: the registry is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{source}: not a registry of recommending units: {ex.Message}", ex);
        }
    }
}

/// <summary>One recommending unit. Either <see cref="Name"/>, or <see cref="Region"/> for a confederation: then the name
/// is <c>{Region}企业联合会</c> and the aliases of the 企业联合会/企业家协会 pair, with and without 省/市/自治区 and the
/// short form 企联, are made from <see cref="Region"/> and <see cref="Short"/>.</summary>
public sealed class RegistryEntry
{
    /// <summary>The canonical name (what <c>recommenderNormalized</c> holds).</summary>
    public string? Name { get; set; }

    /// <summary>For a confederation: the region as written officially (广东省, 广西壮族自治区, 北京市, 深圳市).</summary>
    public string? Region { get; set; }

    /// <summary>For a confederation: the region's short form (广东, 广西, 北京, 深圳).</summary>
    public string? Short { get; set; }

    /// <summary>Other names the unit goes by (matched as written, punctuation and spaces aside).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Its kinds (RecommenderKinds: 企业联合会, 全国性行业协会, 中央企业, 中国500强, 副会长单位, 智工委委员单位).</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Its quota in the edition; null: the edition's default (or member quota for a 智工委 member unit).</summary>
    public int? Quota { get; set; }
}

/// <summary>A registry that cannot be used; the message names the file and the problem.</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);
