using CaseIngest.Search;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Api;

internal static class SearchApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/search", async ([AsParameters] SearchRequest request, VisibleCases cases, CancellationToken ct) =>
                Results.Ok(await cases.SearchAsync(request.ToQuery(), ct)))
            .RequireAuthorization(Policies.Browse)
            .WithTags("search")
            .WithSummary("Full-text search with facets (type, edition, recommender, verdict, findingCode) and highlights")
            .Produces<SearchResult>();
    }
}
