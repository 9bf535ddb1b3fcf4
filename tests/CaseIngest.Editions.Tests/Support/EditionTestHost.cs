using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Startup;
using CaseIngest.Editions;
using CaseIngest.Editions.Stage;
using CaseIngest.Search;
using CaseIngest.Search.Configuration;
using CaseIngest.Search.Elasticsearch;
using CaseIngest.Search.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseIngest.Editions.Tests.Support;

/// <summary>A real Lucene index in a temporary folder — or, for <see cref="SearchBackend.Elasticsearch"/>, an alias of its
/// own on the node of <c>CASEINGEST_ES_URL</c>, deleted at the end — with the search and edition registrations, as the host
/// composes them; the edition's facts come from the settings (edition 8 with a test registry unless a test says otherwise).</summary>
public sealed class EditionTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Closing = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly TemporaryDirectory _root = new("caseingest-editions-");
    private readonly ServiceProvider _provider;
    private readonly string? _alias;

    public EditionTestHost(string? registryJson = TestRegistries.Edition8, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, SearchBackend backend = SearchBackend.Lucene)
    {
        var values = new Dictionary<string, string?>
        {
            ["Search:Lucene:Path"] = Path.Combine(_root.Path, "index"),
            ["Editions:8:ClosingTime"] = "2026-08-01T00:00:00+08:00",
        };
        if (backend == SearchBackend.Elasticsearch)
        {
            _alias = "caseingest-test-editions-" + Guid.NewGuid().ToString("N")[..12];
            values["Search:Provider"] = SearchProviders.Elasticsearch;
            values["Search:Elasticsearch:Alias"] = _alias;
            var urls = (Environment.GetEnvironmentVariable(ElasticsearchNodeFactAttribute.Variable) ?? "").Split(',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < urls.Length; i++)
            {
                values[$"Search:Elasticsearch:Urls:{i}"] = urls[i];
            }

            values["Search:Elasticsearch:ApiKey"] = Environment.GetEnvironmentVariable("CASEINGEST_ES_API_KEY");
            values["Search:Elasticsearch:Username"] = Environment.GetEnvironmentVariable("CASEINGEST_ES_USER");
            values["Search:Elasticsearch:Password"] = Environment.GetEnvironmentVariable("CASEINGEST_ES_PASSWORD");
            values["Search:Elasticsearch:CaCertificatePath"] = Environment.GetEnvironmentVariable("CASEINGEST_ES_CA");
        }
        if (registryJson is not null)
        {
            var path = Path.Combine(_root.Path, "registry.json");
            File.WriteAllText(path, registryJson);
            values["Editions:8:Registry"] = path;
        }

        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // Started as every host starts (its options validated before the first use), every registration constructible.
        _provider = HostStartup.Build(services =>
        {
            services.AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddCaseIngestSearch(configuration);
            services.AddCaseIngestEditions(configuration);
            // No pipeline here (records are made by the tests): the search registrations' ingestion use case, which needs
            // one, is left out so every other registration is still validated on build.
            services.RemoveAll<PackageIngestion>();
            configure?.Invoke(services);
        }, validateOnBuild: true);
    }

    public EditionStage Stage => _provider.GetRequiredService<EditionStage>();

    public ICaseRepository Repository => _provider.GetRequiredService<ICaseRepository>();

    public ISearchIndex Index => _provider.GetRequiredService<ISearchIndex>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public async Task SaveAsync(params CaseRecord[] records)
    {
        foreach (var record in records)
        {
            await Repository.SaveAsync(record, CancellationToken.None);
        }
    }

    public Task<EditionCheckResult> CheckAsync(int edition = 8) => Stage.RunAsync(edition, CancellationToken.None);

    public async Task<CaseRecord> GetAsync(string submissionId) =>
        await Index.GetAsync(submissionId, CancellationToken.None) ?? throw new InvalidOperationException(submissionId + " is not indexed");

    /// <summary>Submission id → the codes of the edition findings it carries (sorted), for every record.</summary>
    public Task<Dictionary<string, string>> EditionCodesAsync() => GeneratedEdition.EditionCodesAsync(Index.ReadAllAsync(CancellationToken.None));

    /// <summary>The ids carrying a code, sorted.</summary>
    public async Task<List<string>> WithCodeAsync(string code)
    {
        var ids = new List<string>();
        await foreach (var record in Index.ReadAllAsync(CancellationToken.None))
        {
            if (record.Findings.Any(f => f.Code == code))
            {
                ids.Add(record.SubmissionId);
            }
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_alias is not null)
        {
            // By name: clusters refuse wildcard deletes by default (action.destructive_requires_name).
            var client = _provider.GetRequiredService<ElasticsearchConnection>().Client;
            var indices = await client.Indices.GetAliasAsync(g => g.Name(_alias));
            foreach (var index in indices.Aliases?.Keys ?? [])
            {
                await client.Indices.DeleteAsync(index);
            }

            await client.Indices.DeleteIndexTemplateAsync(_alias + "-template");
        }

        await _provider.DisposeAsync();
        _root.Dispose();
    }
}

/// <summary>Where a test host keeps its records.</summary>
public enum SearchBackend
{
    Lucene,
    Elasticsearch,
}

/// <summary>Registries the tests use.</summary>
public static class TestRegistries
{
    /// <summary>Two confederations, a national association, and a 智工委 member unit (quota 5).</summary>
    public const string Edition8 = """
        {
          "units": [
            { "region": "广东省", "short": "广东" },
            { "region": "广西壮族自治区", "short": "广西" },
            { "region": "深圳市", "short": "深圳" },
            { "name": "中国机械工业联合会", "aliases": ["机械工业联合会"], "kinds": ["全国性行业协会"] },
            { "name": "华源智造集团有限公司", "aliases": ["华源智造"], "kinds": ["中央企业", "智工委委员单位"] }
          ]
        }
        """;
}

/// <summary>Makes the records of a generated edition, as the pipeline would leave them.</summary>
public static class EditionRecords
{
    public static readonly DateTimeOffset July1 = new(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static CaseRecord Make(string id, string? recommender, DateTimeOffset? submittedAt, int edition = 8,
        string? applicant = null, bool? direct = null, params Finding[] findings) => new()
    {
        SubmissionId = id,
        Edition = edition,
        Recommender = recommender,
        SubmittedAt = submittedAt,
        ProcessedAt = submittedAt ?? July1,
        PackageSha256 = "sha-" + id + "-" + (submittedAt ?? July1).ToUnixTimeSeconds(),
        RuleSet = "edition-8",
        DirectSubmission = direct,
        Form = new FormSection { Applicant = applicant ?? "申报企业" + id, Recommender = recommender },
        Findings = [.. findings],
        Verdict = VerdictRule.Derive(findings),
    };

    /// <summary>What the form and OCR plugins say of a signature page and form without a recommender block.</summary>
    public static Finding[] NoRecommenderBlock() =>
    [
        new() { Code = FindingCodes.MissingRecommenderStamp, Severity = Severity.Error, Message = "推荐单位未盖章", Plugin = "OcrStamps",
                Location = new FindingLocation { Section = "推荐单位" } },
        new() { Code = FindingCodes.MissingField, Severity = Severity.Error, Message = "申报表必填项“推荐单位意见”为空", Evidence = "空白栏目：推荐单位意见",
                Plugin = "FormFields", Location = new FindingLocation { Section = "推荐单位意见" } },
        new() { Code = FindingCodes.MissingField, Severity = Severity.Error, Message = "申报表必填项“推荐单位联系人·姓名”为空",
                Evidence = "空白栏目：推荐单位联系人·姓名", Plugin = "FormFields", Location = new FindingLocation { Section = "推荐单位联系人" } },
    ];
}
