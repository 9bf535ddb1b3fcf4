namespace CaseIngest.Plugins.StructureChecks;
internal static class Placeholder;
