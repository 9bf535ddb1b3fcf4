using Microsoft.Extensions.Configuration;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>A configuration source the tests change while the app runs, as an operator editing caseingest.json does:
/// <see cref="Commit"/> fires the reload that options monitors listen to.</summary>
public sealed class MutableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public MutableConfiguration(IDictionary<string, string?> initial)
    {
        foreach (var (key, value) in initial)
        {
            Data[key] = value;
        }
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void SetValue(string key, string? value) => Data[key] = value;

    /// <summary>Removes a key and every key under it.</summary>
    public void RemoveSection(string key)
    {
        foreach (var existing in Data.Keys.Where(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith(key + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Data.Remove(existing);
        }
    }

    public void Commit() => OnReload();
}
