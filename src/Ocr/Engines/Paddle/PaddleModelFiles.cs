namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>Where PP-OCRv4's files are: a configured folder, else the first <c>.models</c> folder above the app
/// (the repository's, filled by scripts/fetch-ocr-models.sh, or one shipped beside the app).</summary>
internal sealed record PaddleModelFiles(string Detection, string Recognition, string Dictionary)
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DictionaryFile = "ppocr_keys_v1.txt";

    public static PaddleModelFiles Locate(string? configuredFolder)
    {
        var folder = configuredFolder is { Length: > 0 } ? Path.GetFullPath(configuredFolder) : FindModelsAbove(AppContext.BaseDirectory);
        var files = new PaddleModelFiles(
            Path.Combine(folder, DetectionFile), Path.Combine(folder, RecognitionFile), Path.Combine(folder, DictionaryFile));
        foreach (var file in new[] { files.Detection, files.Recognition, files.Dictionary })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException(
                    $"PP-OCRv4 model file {file} is missing: run scripts/fetch-ocr-models.sh or set the ModelPath of the plugin that reads scans", file);
            }
        }

        return files;
    }

    private static string FindModelsAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".models");
            if (File.Exists(Path.Combine(candidate, DetectionFile)))
            {
                return candidate;
            }
        }

        return Path.Combine(start, ".models");
    }
}
