namespace CaseIngest.Web.Api;

/// <summary>Body of PUT /api/cases/{id}/review/type.</summary>
internal sealed record ConfirmTypeRequest(string? ConfirmedType);

/// <summary>Body of PUT /api/cases/{id}/shortlist.</summary>
internal sealed record ShortlistRequest(int Rating, string? Note);
