using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Api;

public sealed class SearchApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Search_SignedOut_Returns401()
    {
        using var client = app.NewClient();

        var response = await client.Http.GetAsync("/api/search?q=智能");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(WebAppFixture.Reviewer)]
    [InlineData(WebAppFixture.Editor)]
    [InlineData(WebAppFixture.Admin)]
    public async Task Search_ChineseTermAnyRole_ReturnsHighlightedHitsAndFacets(string user)
    {
        using var client = await app.SignedInAsync(user);

        using var result = await GetJsonAsync(client, "/api/search?q=供应链");

        var root = result.RootElement;
        Assert.True(root.GetProperty("total").GetInt64() > 0);
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("highlights").EnumerateArray().Any(s => s.GetString()!.Contains("<em>", StringComparison.Ordinal)));
        var facets = root.GetProperty("facets");
        foreach (var facet in new[] { "type", "verdict", "edition", "recommender" })
        {
            Assert.True(facets.TryGetProperty(facet, out var values) && values.GetArrayLength() > 0, $"facet {facet} missing");
        }
    }

    [Fact]
    public async Task Search_TypeFilter_NarrowsToThatType()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        using var all = await GetJsonAsync(client, "/api/search?pageSize=100");
        using var narrowed = await GetJsonAsync(client, "/api/search?type=" + Uri.EscapeDataString("解决方案类") + "&pageSize=100");

        var narrowedTotal = narrowed.RootElement.GetProperty("total").GetInt64();
        Assert.InRange(narrowedTotal, 1, all.RootElement.GetProperty("total").GetInt64() - 1);
        Assert.All(narrowed.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.Equal("解决方案类", h.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Search_VerdictAndFindingFilters_MatchTheRecords()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        using var rejected = await GetJsonAsync(client, "/api/search?verdict=rejected&pageSize=100");
        using var noToc = await GetJsonAsync(client, "/api/search?finding=no_toc");

        Assert.All(rejected.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.Equal("rejected", h.GetProperty("verdict").GetString()));
        Assert.Equal(["D12"], noToc.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("submissionId").GetString()));
    }

    [Fact]
    public async Task Search_Paging_ReturnsDisjointPages()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        using var first = await GetJsonAsync(client, "/api/search?sort=submittedAt&pageSize=5&page=1");
        using var second = await GetJsonAsync(client, "/api/search?sort=submittedAt&pageSize=5&page=2");

        var firstIds = Ids(first);
        var secondIds = Ids(second);
        Assert.Equal(5, firstIds.Count);
        Assert.Equal(5, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public async Task Search_SortBySubmittedAt_NewestFirst()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Editor);

        using var result = await GetJsonAsync(client, "/api/search?sort=submittedAt&pageSize=100");

        var dates = result.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        Assert.True(dates.Count > 2);
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task OpenApi_SignedIn_DescribesEveryApiEndpoint()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        using var document = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/api/search", "/api/cases/{id}", "/api/cases/{id}/similar", "/api/cases/{id}/pages/{page}/image",
            "/api/cases/{id}/review/type", "/api/cases/{id}/shortlist", "/api/casebook/shortlist", "/api/casebook/candidates",
            "/api/casebook/shortlist.xlsx", "/api/casebook/shortlist.docx", "/api/intake", "/api/intake/verdicts.xlsx", "/api/session",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_SignedOut_Returns401()
    {
        using var client = app.NewClient();

        var response = await client.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<JsonDocument> GetJsonAsync(AppClient client, string path)
    {
        var response = await client.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Ids(JsonDocument result) =>
        result.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("submissionId").GetString()!).ToList();
}
