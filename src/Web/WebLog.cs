using System.Net;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Web;

/// <summary>The web application's log messages (source-generated: nothing evaluated when a level is off).</summary>
internal static partial class WebLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {User} from {Address}")]
    public static partial void SignInFailed(this ILogger logger, string user, IPAddress? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {User} from {Address} refused for {Wait}: too many failures")]
    public static partial void SignInThrottled(this ILogger logger, string user, IPAddress? address, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session of {User} ended: {Reason}")]
    public static partial void SessionEnded(this ILogger logger, string? user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session of {User} changed role from {OldRole} to {NewRole}")]
    public static partial void SessionRoleChanged(this ILogger logger, string? user, string? oldRole, string newRole);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} signed in")]
    public static partial void SignedIn(this ILogger logger, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-letter queue size unavailable; shown as n/a")]
    public static partial void DeadLetterCountUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Assigned experts to {Cases} compliant cases ({Assignments} assignments); {Short} cases short of experts")]
    public static partial void CasesAssigned(this ILogger logger, int cases, int assignments, int @short);
}
