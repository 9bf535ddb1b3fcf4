using System.Security.Claims;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Auth;

namespace CaseIngest.Web.Cases;

/// <summary>Removes contact phones and e-mails from what a role without <see cref="Policies.SeeContacts"/> sees.
/// Names and titles stay: they are part of the case. Used by every page, API answer and export that shows a record.</summary>
internal static class ContactRedaction
{
    public const string Hidden = "（仅编辑与管理员可见）";

    public static bool MaySeeContacts(ClaimsPrincipal user) =>
        Policies.RolesByPolicy[Policies.SeeContacts].Any(user.IsInRole);

    /// <summary>The record as this user may see it: a copy without phones and e-mails, or the record itself.</summary>
    public static CaseRecord ForUser(CaseRecord record, ClaimsPrincipal user)
    {
        if (MaySeeContacts(user) || record.Form is null)
        {
            return record;
        }

        var copy = CaseRecordJson.Clone(record);
        Redact(copy.Form!.ApplicantContact);
        Redact(copy.Form.RecommenderContact);
        return copy;
    }

    private static void Redact(Contact? contact)
    {
        if (contact is null)
        {
            return;
        }

        contact.Phone = contact.Phone is null ? null : Hidden;
        contact.Email = contact.Email is null ? null : Hidden;
    }
}
