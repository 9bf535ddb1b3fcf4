using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Search.Audit;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Evaluation;

/// <summary>The sample cases with four experts, in an app of their own: D01 and D02 (both 业务融合创新类) decided
/// compliant; Erin's own unit is D02's applicant, so assignment (3 experts a case) never gives her D02.</summary>
public sealed class EvaluationWebAppFixture : WebAppFixture
{
    public const string Ellen = "ellen";
    public const string Emma = "emma";
    public const string Erin = "erin";
    public const string Evan = "evan";
    public const string ConflictedCase = "D02";

    private static readonly (string Name, string Unit)[] s_experts =
    [
        (Ellen, "中国信息通信研究院"), (Emma, "清华大学经济管理学院"), (Erin, "河南嵩和医疗集团"), (Evan, "中国企业联合会咨询中心"),
    ];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => ExpertSettings;

    /// <summary>The four experts with their units, three to a case.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ExpertSettings =>
    [
        .. s_experts.SelectMany(e => new KeyValuePair<string, string?>[]
        {
            new($"Auth:Users:{e.Name}:Role", Roles.Expert),
            new($"Auth:Users:{e.Name}:PasswordHash", PasswordHashes.Hash(Password, 10_000)),
            new($"Auth:Users:{e.Name}:Unit", e.Unit),
        }),
        new("Evaluation:ExpertsPerCase", "3"),
    ];

    protected override Task SeedMoreAsync(ICaseRepository repository) => DecideCompliantAsync(repository, "D01", ConflictedCase);

    /// <summary>Records an admin's 合规 decision on cases (only compliant cases go to the experts).</summary>
    public static async Task DecideCompliantAsync(ICaseRepository repository, params string[] ids)
    {
        foreach (var id in ids)
        {
            await repository.UpdateReviewAsync(id, new ReviewEdit(new ReviewActor(Admin, Roles.Admin), null, record =>
            {
                record.Review!.Decision = new PackageDecision { Outcome = PackageOutcome.Compliant, By = Admin };
                return ReviewEditResult.Of(new ReviewChange(AuditActions.PackageDecided, null, null, "compliant"));
            }), CancellationToken.None);
        }
    }

    /// <summary>Posts a page's form as the client's user: the anti-forgery token read from <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(AppClient client, string tokenFrom, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.FormTokenAsync(tokenFrom);
        return await client.Http.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>A whole score sheet: every point scored <paramref name="score"/> (with exceptions), nothing seen before.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Sheet(IEnumerable<string> points, int score, string action,
        IReadOnlyDictionary<string, int>? except = null) =>
    [
        .. points.SelectMany(p => new KeyValuePair<string, string>[]
        {
            new(p + ".score", (except is not null && except.TryGetValue(p, out var s) ? s : score).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(p + ".seenScore", ""),
        }),
        new("action", action),
    ];
}
