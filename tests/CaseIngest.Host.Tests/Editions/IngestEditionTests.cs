using CaseIngest.Host.Tests.Support;
using CaseIngest.Core.Startup;
using CaseIngest.Host.Composition;
using CaseIngest.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Host.Tests.Editions;

/// <summary><c>ingest</c> checks the edition at its end; <c>edition-check</c> after a withdrawal moves the findings.</summary>
public sealed class IngestEditionTests
{
    [Fact]
    public async Task Ingest_AGeneratedEdition_WritesTheEditionFindings()
    {
        using var host = new TestHostFolder();
        var (packages, registry) = GeneratedEdition.Make(host.Root);

        var ingest = await CliProcess.RunAsync(host, ["ingest", .. packages, "--set", $"Editions:8:Registry={registry}"]);

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("Edition 8: 16 cases checked across the edition", ingest.Output, StringComparison.Ordinal);
        Assert.Equal(GeneratedEdition.Lines(GeneratedEdition.ExpectedCodes), GeneratedEdition.Lines(await EditionCodesAsync(host)));
    }

    [Fact]
    public async Task EditionCheck_AfterAWithdrawal_FreesThePlaceOverTheQuota()
    {
        using var host = new TestHostFolder();
        var (packages, registry) = GeneratedEdition.Make(host.Root);
        var ingest = await CliProcess.RunAsync(host, ["ingest", .. packages, "--set", $"Editions:8:Registry={registry}"]);
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        var withdraw = await CliProcess.RunAsync(host, "withdraw", "G05", "--reason", "申报单位撤回", "--by", "admin",
            "--set", $"Editions:8:Registry={registry}");
        Assert.True(withdraw.ExitCode == 0, withdraw.Error);
        var check = await CliProcess.RunAsync(host, "edition-check", "--edition", "8", "--set", $"Editions:8:Registry={registry}");

        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains("Edition 8: 15 cases checked", check.Output, StringComparison.Ordinal);
        var codes = await EditionCodesAsync(host);
        Assert.Equal("", codes["G02"]); // the eleventh by time is tenth now
        Assert.Equal("recommender_over_quota", codes["G01"]);
    }

    private static async Task<Dictionary<string, string>> EditionCodesAsync(TestHostFolder host)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(host.BaseConfiguration()).Build();
        await using var provider = HostStartup.Build(services => services.AddCaseIngest(configuration));
        return await GeneratedEdition.EditionCodesAsync(provider.GetRequiredService<ISearchIndex>().ReadAllAsync(CancellationToken.None));
    }
}
