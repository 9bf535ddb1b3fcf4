using CaseIngest.Abstractions.Records;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Storage;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Testing;
using CaseIngest.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>The real web application on Kestrel at 127.0.0.1 on a free port, over a real Lucene index in a temporary
/// folder holding the 14 corpus cases, a failed package and a case of an earlier edition; D01's package sits in the
/// package store so its signature page has an image. One per test class: classes change reviews independently.</summary>
public class WebAppFixture : IAsyncLifetime
{
    public const string Reviewer = "rita";
    public const string Editor = "eddie";
    public const string Admin = "ada";
    public const string Password = "correct-horse-42";
    public const string FailedId = "F01";
    public const string EarlierEditionId = "E7-001";

    private WebApplication? _app;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "caseingest-web-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => _app!.Services;

    /// <summary>The app's configuration, which tests may change while it runs (users removed, roles changed).</summary>
    public MutableConfiguration Configuration { get; private set; } = null!;

    /// <summary>A path whose endpoint throws.</summary>
    public const string FailingPath = "/api/test/failure";

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>Cases a derived fixture adds to the index.</summary>
    protected virtual Task SeedMoreAsync(ICaseRepository repository) => Task.CompletedTask;

    /// <summary>Registrations before the app's own (a clock, for instance).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The corpus packages this app holds.</summary>
    public virtual IReadOnlyList<string> CorpusIds { get; } = TestPaths.CorpusIds;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Root, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // Fewer PBKDF2 iterations than production: sign-in cost is not what these tests measure.
        Configuration = new MutableConfiguration(new Dictionary<string, string?>
        {
            ["Search:Lucene:Path"] = Path.Combine(Root, "index"),
            ["Store:Path"] = Path.Combine(Root, "store"),
            // The tests sign in dozens of times a minute from one address; only the throttling tests want real limits.
            ["Auth:SignInAttemptsPerMinute"] = "100000",
            ["Auth:SignInFailuresPerAccount"] = "100000",
            [$"Auth:Users:{Reviewer}:Role"] = Roles.Reviewer,
            [$"Auth:Users:{Reviewer}:PasswordHash"] = PasswordHashes.Hash(Password, 10_000),
            [$"Auth:Users:{Editor}:Role"] = Roles.Editor,
            [$"Auth:Users:{Editor}:PasswordHash"] = PasswordHashes.Hash(Password, 10_000),
            [$"Auth:Users:{Admin}:Role"] = Roles.Admin,
            [$"Auth:Users:{Admin}:PasswordHash"] = PasswordHashes.Hash(Password, 10_000),
        });
        foreach (var (key, value) in ExtraSettings)
        {
            Configuration.SetValue(key, value);
        }

        ((IConfigurationBuilder)builder.Configuration).Add(Configuration);
        ConfigureServices(builder.Services);
        builder.Services.AddCaseIngestSearch(builder.Configuration);
        builder.Services.AddCaseIngestWeb(builder.Configuration);

        _app = builder.Build();
        _app.UseCaseIngestWeb();
        // An endpoint that fails, for the tests of what an error response carries.
        _app.MapGet(FailingPath, (HttpContext _) => throw new InvalidOperationException("a test failure"));
        await SeedAsync(_app.Services);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // An index file still closing; the temp folder is cleaned by the system.
        }
    }

    /// <summary>A client with its own cookie jar, signed in as nobody yet; <paramref name="from"/> picks the loopback
    /// address it connects from (127.0.0.1 unless told), as a colleague at another machine would.</summary>
    public AppClient NewClient(string? from = null) => new(BaseAddress, from);

    public async Task<AppClient> SignedInAsync(string user)
    {
        var client = NewClient();
        var response = await client.SignInAsync(user, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Records a reviewer's 合规 decision on cases, as the review would (the casebook takes compliant cases only).</summary>
    public async Task JudgeCompliantAsync(params string[] ids)
    {
        var repository = Services.GetRequiredService<ICaseRepository>();
        foreach (var id in ids)
        {
            var update = await repository.UpdateReviewAsync(id, new ReviewEdit(new ReviewActor(Reviewer, Roles.Reviewer), null, record =>
            {
                record.Review!.Decision = new PackageDecision { Outcome = PackageOutcome.Compliant, By = Reviewer, At = DateTimeOffset.UtcNow };
                return ReviewEditResult.Of(new ReviewChange(AuditActions.PackageDecided, null, null, "compliant"));
            }), CancellationToken.None);
            Assert.Equal(ReviewUpdateStatus.Saved, update.Status);
        }
    }

    /// <summary>The corpus cases: by default the records made from the expected files (<see cref="CorpusRecords"/>).</summary>
    protected virtual async Task SeedCorpusAsync(ICaseRepository repository)
    {
        var day = 0;
        foreach (var id in CorpusIds)
        {
            await repository.SaveAsync(CorpusRecords.Load(id, day++), CancellationToken.None);
        }
    }

    private async Task SeedAsync(IServiceProvider services)
    {
        var repository = services.GetRequiredService<ICaseRepository>();
        await SeedCorpusAsync(repository);
        await repository.SaveAsync(new CaseRecord
        {
            SubmissionId = FailedId,
            Edition = 8,
            Recommender = "河北省企业联合会",
            SubmittedAt = new DateTimeOffset(2026, 7, 30, 10, 0, 0, TimeSpan.FromHours(8)),
            Verdict = Verdict.Failed,
            Findings =
            [
                new Finding { Code = FindingCodes.PackageUnreadable, Severity = Severity.Error, Message = "压缩包已损坏：中央目录无法读取", Evidence = "F01.zip" },
            ],
        }, CancellationToken.None);

        var earlier = CorpusRecords.Load("D01", 0);
        earlier.SubmissionId = EarlierEditionId;
        earlier.Edition = 7;
        earlier.SubmittedAt = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));
        earlier.PackageSha256 = null;
        await repository.SaveAsync(earlier, CancellationToken.None);

        await SeedMoreAsync(repository);

        // Two packages kept by the core's own store, so their signature pages have images: D01 a folder, D05 a zip
        // with GBK names under a top folder (the record names its files without that folder).
        var store = new DirectoryPackageStore(Options.Create(new StoreOptions { Path = Path.Combine(Root, "store") }));
        foreach (var id in new[] { "D01", "D05", "D13" })
        {
            var package = TestPaths.CorpusPackage(id);
            await store.StoreAsync(package, CorpusRecords.Sha256Of(package), CancellationToken.None);
        }

        // D13's signature page is a PDF: rendered into the page-image store as ingest does.
        var d13 = TestPaths.CorpusPackage("D13");
        await services.GetRequiredService<IPageImageStore>().RenderAsync("盖章页.pdf", Path.Combine(d13, "盖章页.pdf"),
            CorpusRecords.FileSha256(d13, "盖章页.pdf")!, CancellationToken.None);
    }
}
