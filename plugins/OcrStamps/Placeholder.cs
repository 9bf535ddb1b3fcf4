namespace CaseIngest.Plugins.OcrStamps;
internal static class Placeholder;
