namespace CaseIngest.Plugins.FormFields;
internal static class Placeholder;
