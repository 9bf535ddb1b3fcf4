namespace CaseIngest.Web.Security;

/// <summary>Where a sign-in may send the browser back to: only a path of this site. An open redirect after sign-in would
/// hand a signed-in user to another site; control characters are refused because browsers drop tabs and newlines from
/// URLs (<c>/&#9;/evil.example</c> becomes <c>//evil.example</c>) and a newline cannot go into a Location header.</summary>
internal static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The page the request came from, as a local path and query, when it was this site's (a way back from an
    /// error page); null otherwise.</summary>
    public static string? Referer(Microsoft.AspNetCore.Http.HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && IsLocal(referer.PathAndQuery) && referer.PathAndQuery != request.Path + request.QueryString
            ? referer.PathAndQuery
            : null;
}
