using System.Reflection;
using CaseIngest.Editions.Registry;
using Microsoft.Extensions.Options;

namespace CaseIngest.Editions.Configuration;

/// <summary>The configured editions with their registries, loaded once. Edition 8 ships with the product: its closing
/// time and registry apply unless <c>Editions:8</c> says otherwise.</summary>
public sealed class EditionCatalog
{
    private const string ShippedRegistryResource = "CaseIngest.Editions.edition-8-recommenders.json";
    private readonly Dictionary<int, Edition> _editions;

    public EditionCatalog(IOptions<EditionsOptions> options)
    {
        _editions = options.Value.Editions.ToDictionary(e => e.Key, e => Load(e.Key, e.Value));
    }

    /// <summary>The editions with facts, in ascending order.</summary>
    public IReadOnlyList<int> Numbers => _editions.Keys.Order().ToList();

    /// <summary>An edition's facts, or null when none are configured (its records get no edition findings).</summary>
    public Edition? Find(int edition) => _editions.GetValueOrDefault(edition);

    /// <summary>Loads one edition's registry; the errors name the edition and the file.</summary>
    /// <exception cref="RegistryException">The registry is missing or malformed, or the closing time is not set.</exception>
    public static Edition Load(int number, EditionSettings settings)
    {
        if (settings.ClosingTime is not { } closing)
        {
            throw new RegistryException($"Editions:{number}:ClosingTime is not set: the edition's closing time is required.");
        }

        RegistryFile file;
        string source;
        if (string.IsNullOrWhiteSpace(settings.Registry))
        {
            if (number != EditionsOptions.ShippedEdition)
            {
                throw new RegistryException($"Editions:{number}:Registry is not set: only edition {EditionsOptions.ShippedEdition} ships a registry.");
            }

            source = "the shipped edition-8 registry";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedRegistryResource)
                               ?? throw new RegistryException($"{source} is missing from the assembly.");
            file = RegistryFile.Read(stream, source);
        }
        else
        {
            source = Path.GetFullPath(settings.Registry);
            if (!File.Exists(source))
            {
                throw new RegistryException($"Editions:{number}:Registry: the file {source} does not exist.");
            }

            using var stream = File.OpenRead(source);
            file = RegistryFile.Read(stream, source);
        }

        var registry = RecommenderRegistry.Build(file, settings.DefaultQuota, settings.MemberQuota, source);
        return new Edition(number, closing, registry);
    }
}

/// <summary>One edition's facts.</summary>
/// <param name="Number">The edition number.</param>
/// <param name="ClosingTime">When the call closed.</param>
/// <param name="Registry">Its recommending units.</param>
public sealed record Edition(int Number, DateTimeOffset ClosingTime, RecommenderRegistry Registry);

/// <summary>Validates at start that every edition's registry loads (the message names the file and the problem).</summary>
internal sealed class EditionsOptionsValidator : IValidateOptions<EditionsOptions>
{
    public ValidateOptionsResult Validate(string? name, EditionsOptions options)
    {
        var failures = new List<string>();
        foreach (var (number, settings) in options.Editions)
        {
            try
            {
                EditionCatalog.Load(number, settings);
            }
            catch (RegistryException ex)
            {
                failures.Add(ex.Message);
            }
            catch (IOException ex)
            {
                failures.Add($"Editions:{number}:Registry: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
