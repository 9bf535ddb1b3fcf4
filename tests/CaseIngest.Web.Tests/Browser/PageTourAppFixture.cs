using System.Globalization;
using CaseIngest.Search;
using CaseIngest.Web.Tests.Evaluation;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Browser;

/// <summary>Every page's data at once, for the page tour: the sample cases and a day's hundred more, four experts, six
/// cases a person judged 合规 (one or two of each type), the call still open (a case may be returned), and an expert
/// account (<see cref="LockedOut"/>) that locks after two failed sign-ins, for the 429 page.</summary>
public sealed class PageTourAppFixture : WebAppFixture
{
    public const string LockedOut = EvaluationWebAppFixture.Evan;

    public static readonly string[] Compliant = ["D01", EvaluationWebAppFixture.ConflictedCase, "D04", "D06", "D08", "D09"];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. EvaluationWebAppFixture.ExpertSettings,
        new("Review:CallClosesAt", DateTimeOffset.UtcNow.AddYears(1).ToString("O", CultureInfo.InvariantCulture)),
        new("Auth:SignInFailuresPerAccount", "2"),
    ];

    protected override async Task SeedMoreAsync(ICaseRepository repository)
    {
        await EvaluationWebAppFixture.DecideCompliantAsync(repository, Compliant);
        await DayOfCasesAppFixture.SeedDayAsync(repository, CorpusIds);
    }
}
