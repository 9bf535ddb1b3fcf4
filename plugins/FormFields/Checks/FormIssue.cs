namespace CaseIngest.Plugins.FormFields.Checks;

/// <summary>A breach the checks found, before the step stamps severity, file and plugin on it.</summary>
internal sealed record FormIssue(string Code, string Message, string Evidence, string Section, double? Measured = null, double? Limit = null);
