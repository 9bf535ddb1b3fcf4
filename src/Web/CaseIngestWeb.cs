using CaseIngest.Core.PageImages;
using CaseIngest.Core.Storage;
using CaseIngest.Web.Api;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Casebook;
using CaseIngest.Web.Cases;
using CaseIngest.Web.Evaluation;
using CaseIngest.Web.Intake;
using CaseIngest.Web.PageImages;
using CaseIngest.Web.Pages;
using CaseIngest.Web.Review;
using CaseIngest.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseIngest.Web;

/// <summary>The web application for reviewers and editors: pages and the JSON API over <c>ISearchIndex</c> and
/// <c>ICaseRepository</c>, which the caller registers (<c>AddCaseIngestSearch</c>).</summary>
public static class CaseIngestWeb
{
    /// <summary>Registers the web application's services. An <see cref="IDeadLetterStats"/> registered before this call wins
    /// over the default that answers "n/a".</summary>
    public static IServiceCollection AddCaseIngestWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseIngestAuth(configuration);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgerySetup.HeaderName;
            options.FormFieldName = AntiforgerySetup.FormFieldName;
            options.Cookie.Name = "caseingest.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeadLetterStats, NoBrokerDeadLetterStats>();
        // The host's composition registers the store already; alone (tests, a web-only host) the web app needs it for page images.
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName));
        services.TryAddSingleton<IPackageStore, DirectoryPackageStore>();
        services.AddCaseIngestPageImages();
        services.AddSingleton<PageImageStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<VisibleCases>();
        services.AddScoped<CaseReviewService>();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ComplianceReviewService>();
        services.AddScoped<ReviewQueue>();
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection(EvaluationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExpertDirectory>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<EvaluationRanking>();
        services.AddScoped<CandidateRanking>();
        services.AddSingleton<ShortlistRules>();
        services.AddScoped<ShortlistQuery>();
        services.AddScoped<ShortlistCandidates>();
        services.AddScoped<IntakeSummaryQuery>();
        services.AddScoped<PageLayout>();
        return services;
    }

    /// <summary>Adds the middleware and maps every page and API endpoint.</summary>
    public static WebApplication UseCaseIngestWeb(this WebApplication app)
    {
        app.UseSecurityHeaders(PageAssets.StylesheetPath);
        app.UseChineseErrorPages();
        app.UseAuthentication();
        app.UseAuthorization();

        // Every endpoint hangs under this group, so every change passes the anti-forgery check.
        var root = app.MapGroup("").AddEndpointFilter<AntiforgeryValidationFilter>();

        var api = root.MapGroup("/api");
        SearchApi.Map(api);
        CaseApi.Map(api);
        CasebookApi.Map(api);
        IntakeApi.Map(api);
        SessionApi.Map(api);
        ReviewApi.Map(api);
        EvaluationApi.Map(api);

        var pages = root.MapGroup("").ExcludeFromDescription();
        pages.MapGet(PageAssets.StylesheetPath, () => Results.Text(PageAssets.Stylesheet + ReviewStyles.Stylesheet, "text/css; charset=utf-8")).AllowAnonymous();
        SignInPages.Map(pages);
        SearchPage.Map(pages);
        CasePage.Map(pages);
        ReportViewPage.Map(pages);
        SignaturePageView.Map(pages);
        CaseReviewSection.Map(pages);
        ReviewQueuePage.Map(pages);
        CasebookPage.Map(pages);
        IntakePage.Map(pages);
        ExpertPage.Map(pages);
        EvaluationPage.Map(pages);

        app.MapOpenApi();
        return app;
    }
}
