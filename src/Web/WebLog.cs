using System.Net;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Web;

/// <summary>The web application's log messages (source-generated: nothing evaluated when a level is off).</summary>
internal static partial class WebLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {User} from {Address}")]
    public static partial void SignInFailed(this ILogger logger, string user, IPAddress? address);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} signed in")]
    public static partial void SignedIn(this ILogger logger, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-letter queue size unavailable; shown as n/a")]
    public static partial void DeadLetterCountUnavailable(this ILogger logger, Exception exception);
}
