namespace CaseIngest.Plugins.Classification;
internal static class Placeholder;
