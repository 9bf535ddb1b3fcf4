namespace CaseIngest.Web.Auth;

/// <summary>The roles of <c>Auth:Users</c>, and the policies the endpoints require.</summary>
public static class Roles
{
    public const string Reviewer = "reviewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Scores compliant cases on the rubric's 二级指标; sees only the cases assigned to them, never contacts.</summary>
    public const string Expert = "expert";

    public static IReadOnlyList<string> All { get; } = [Reviewer, Editor, Admin, Expert];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>Who may do what. Admin (the ingestion team) may do everything.</summary>
internal static class Policies
{
    /// <summary>Confirm or correct a case's type: reviewers check compliance and type.</summary>
    public const string ConfirmType = "confirm-type";

    /// <summary>Shortlist, see candidates, export the casebook: editors pick the casebook.</summary>
    public const string Casebook = "casebook";

    /// <summary>Intake figures and the verdict export for the review meeting.</summary>
    public const string Intake = "intake";

    /// <summary>See contact phones and e-mails: editors contact authors of shortlisted cases, the ingestion team
    /// contacts applicants about failed packages; reviewers judge documents and have no need for them.</summary>
    public const string SeeContacts = "see-contacts";

    /// <summary>Decide on findings and packages in the compliance review (合规性审查), accept the machine's verdict, export
    /// the final lists (they carry no contacts).</summary>
    public const string ReviewDecide = "review-decide";

    /// <summary>Reopen a decided package, produce 补正通知 (they carry contacts), export the audit trail: the ingestion team.</summary>
    public const string ReviewAdmin = "review-admin";

    /// <summary>Search, the review queue, similar cases: everyone but experts, who work from the cases assigned to them.</summary>
    public const string Browse = "browse";

    /// <summary>Score the cases assigned to one: experts.</summary>
    public const string Score = "score";

    /// <summary>The experts' results: per case, per point and dimension, the ranking per type and its exports.</summary>
    public const string EvaluationResults = "evaluation-results";

    /// <summary>Assign compliant cases to experts, mark cases 入选, export every expert's score sheet: the ingestion team.</summary>
    public const string EvaluationAdmin = "evaluation-admin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ConfirmType] = [Roles.Reviewer, Roles.Admin],
        [Casebook] = [Roles.Editor, Roles.Admin],
        [Intake] = [Roles.Reviewer, Roles.Admin],
        [SeeContacts] = [Roles.Editor, Roles.Admin],
        [ReviewDecide] = [Roles.Reviewer, Roles.Admin],
        [ReviewAdmin] = [Roles.Admin],
        [Browse] = [Roles.Reviewer, Roles.Editor, Roles.Admin],
        [Score] = [Roles.Expert],
        [EvaluationResults] = [Roles.Editor, Roles.Admin],
        [EvaluationAdmin] = [Roles.Admin],
    };
}
