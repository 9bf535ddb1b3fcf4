using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Auth;

namespace CaseIngest.Web.Cases;

/// <summary>Removes contact phones and e-mails from what a role without <see cref="Policies.SeeContacts"/> sees: the
/// form's contact fields, and wherever else a contact can be copied to (a finding's evidence or message such as
/// <c>invalid_contact</c>, OCR'd page text, the report, notes, search snippets). Names and titles stay: they are part
/// of the case. Applied once, by <see cref="VisibleCases"/>, to everything that leaves the server.</summary>
internal static partial class ContactRedaction
{
    public const string Hidden = "（仅编辑与管理员可见）";

    // Identifiers the app looks things up by (a page's file opens its image); contacts are never in them.
    private static readonly HashSet<string> s_identifiers = new(StringComparer.Ordinal)
    {
        "submissionId", "packageSha256", "sha256", "file",
    };

    private static readonly HtmlEncoder s_html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool MaySeeContacts(ClaimsPrincipal user) =>
        Policies.RolesByPolicy[Policies.SeeContacts].Any(user.IsInRole);

    /// <summary>A copy of the record with every contact phone and e-mail replaced by <see cref="Hidden"/>.</summary>
    public static CaseRecord Redact(CaseRecord record)
    {
        var known = KnownValues(record);
        var json = JsonSerializer.SerializeToNode(record, CaseRecordJson.Options)!;
        RedactStrings(json, known);
        var copy = json.Deserialize<CaseRecord>(CaseRecordJson.Options)!;
        foreach (var contact in new[] { copy.Form?.ApplicantContact, copy.Form?.RecommenderContact })
        {
            if (contact is not null)
            {
                contact.Phone = contact.Phone is null ? null : Hidden;
                contact.Email = contact.Email is null ? null : Hidden;
            }
        }

        return copy;
    }

    /// <summary>The record's own contact values. Hidden first, wherever they were copied: an invalid one (which no
    /// pattern recognises) is exactly what invalid_contact quotes.</summary>
    public static IReadOnlyList<string> KnownValues(CaseRecord? record) =>
        new[] { record?.Form?.ApplicantContact, record?.Form?.RecommenderContact }
            .SelectMany(c => new[] { c?.Phone, c?.Email })
            .Select(v => v?.Trim())
            .Where(v => v is { Length: >= MinKnownValueLength } && v != Hidden)
            .Select(v => v!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();

    /// <summary>A search hit without phones and e-mails in its fields or snippets (<paramref name="known"/>: its record's
    /// <see cref="KnownValues"/>).</summary>
    public static SearchHit Redact(SearchHit hit, IReadOnlyList<string> known) => new()
    {
        SubmissionId = hit.SubmissionId,
        Score = hit.Score,
        Title = RedactText(hit.Title, known),
        TitleMarked = hit.TitleMarked is { } marked ? RedactSnippet(marked, known) : null,
        Applicant = RedactText(hit.Applicant, known),
        Recommender = RedactText(hit.Recommender, known),
        Type = hit.Type,
        Verdict = hit.Verdict,
        ReviewState = hit.ReviewState,
        Edition = hit.Edition,
        SubmittedAt = hit.SubmittedAt,
        Highlights = hit.Highlights.Select(snippet => RedactSnippet(snippet, known)).ToList(),
    };

    /// <summary>Text with the known contact values, labelled contacts (电话：…), e-mail addresses and phone numbers hidden.</summary>
    public static string? RedactText(string? text, IReadOnlyList<string> known)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in known)
        {
            text = text.Replace(value, Hidden, StringComparison.Ordinal);
        }

        text = LabelledContact().Replace(text, m => m.Groups["label"].Value + "：" + Hidden);
        text = Email().Replace(text, Hidden);
        return Phone().Replace(text, Hidden);
    }

    private const int MinKnownValueLength = 4;

    // A snippet is HTML-escaped text with <em> marks, and a number may be split by them: look at its plain text, and
    // give up the marks of a snippet that held a contact.
    private static string RedactSnippet(string snippet, IReadOnlyList<string> known)
    {
        var plain = WebUtility.HtmlDecode(EmMark().Replace(snippet, ""));
        var redacted = RedactText(plain, known)!;
        return redacted == plain ? snippet : s_html.Encode(redacted);
    }

    private static void RedactStrings(JsonNode node, IReadOnlyList<string> known)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (!s_identifiers.Contains(name))
                        {
                            obj[name] = RedactText(text, known);
                        }
                    }
                    else if (child is not null)
                    {
                        RedactStrings(child, known);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = RedactText(text, known);
                    }
                    else if (array[i] is { } child)
                    {
                        RedactStrings(child, known);
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<label>联系电话|电话|手机|固话|传真|电子邮箱|邮箱|E-?mail)\s*[:：]\s*[^\s，,；;。）)、]+", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledContact();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")]
    private static partial Regex Email();

    // Mobiles (1[3-9] and nine more digits, spaced or dashed, +86 or not) and landlines with an area code (010-12345678,
    // （0571）87654321): an 11-digit amount that starts like a mobile is hidden too, the safe side for a reviewer.
    [GeneratedRegex(@"(?<![0-9])(?:(?:\+?86[\s\-]?)?1[3-9][0-9](?:[\s\-]?[0-9]){8}|[（(]?0[1-9][0-9]{1,2}[）)]?[\s\-－]?[0-9]{3,4}[\s\-]?[0-9]{4})(?![0-9])")]
    private static partial Regex Phone();

    [GeneratedRegex("</?em>")]
    private static partial Regex EmMark();
}
