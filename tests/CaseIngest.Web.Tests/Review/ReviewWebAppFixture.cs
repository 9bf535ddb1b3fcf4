using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Review;

/// <summary>The sample cases for the review workflow, in an app of their own (decisions change what other suites count),
/// with the call still open so that packages may be returned.</summary>
public sealed class ReviewWebAppFixture : WebAppFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Review:CallClosesAt", "2099-08-01T00:00:00+08:00")];
}
