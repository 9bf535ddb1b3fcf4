using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddCaseIngestAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ServerSessionStore>();
        services.AddSingleton<SessionChecks>();
        services.AddSingleton<SignInThrottle>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, ServerSessionStore, SessionChecks, TimeProvider>((cookie, auth, store, checks, clock) =>
            {
                cookie.Cookie.Name = "caseingest.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.SessionMinutes);
                cookie.SlidingExpiration = true;
                cookie.SessionStore = store;
                cookie.TimeProvider = clock;
                cookie.Events.OnValidatePrincipal = checks.ValidateAsync;
                cookie.LoginPath = "/login";
                cookie.AccessDeniedPath = "/denied";
                // API clients get status codes, people get the sign-in page.
                cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.RolesByPolicy)
        {
            services.AddAuthorizationBuilder().AddPolicy(policy, p => p.RequireRole(roles));
        }

        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
