using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Configuration;

/// <summary>Checks <c>Search:Elasticsearch</c> at start when Elasticsearch is the provider: node addresses, the
/// credentials' pairs and the CA file, so a typo fails the start naming the setting, not the first request.</summary>
public sealed class ElasticsearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        if (!string.Equals(options.Provider, SearchProviders.Elasticsearch, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var elasticsearch = options.Elasticsearch;
        var failures = new List<string>();

        // The section's own attributes (alias pattern, analyzer, ranges): data annotations do not reach nested objects.
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(elasticsearch, new ValidationContext(elasticsearch), annotations, validateAllProperties: true);
        failures.AddRange(annotations.Select(a => $"Search:Elasticsearch: {a.ErrorMessage}"));
        var nodes = elasticsearch.NodeUris();
        foreach (var node in nodes)
        {
            if (!node.IsAbsoluteUri || node.Scheme is not ("http" or "https"))
            {
                failures.Add($"Search:Elasticsearch:Urls: '{node}' is not an http(s) address");
            }
        }

        if (nodes.Where(n => n.IsAbsoluteUri).Select(n => n.Scheme).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            failures.Add("Search:Elasticsearch:Urls: the nodes mix http and https");
        }

        if (!string.IsNullOrEmpty(elasticsearch.Username) && elasticsearch.Password is null)
        {
            failures.Add("Search:Elasticsearch:Password is required with Username");
        }

        if (!string.IsNullOrEmpty(elasticsearch.CaCertificatePath) && !File.Exists(elasticsearch.CaCertificatePath))
        {
            failures.Add($"Search:Elasticsearch:CaCertificatePath: no file at {elasticsearch.CaCertificatePath}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
