using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CaseIngest.Plugins.OcrStamps.Configuration;

/// <summary>
/// What a side-by-side run may change of the plugin's defaults, to reproduce a measured choice: <c>--layout-max-side N</c>
/// (<see cref="OcrStampsOptions.LayoutMaxSide"/>, otherwise the engine's default) and the <c>OCRBENCH_LANGUAGES</c>
/// environment variable (<see cref="CaseIngest.Ocr.Engines.OcrEngineOptions.Languages"/> of the plugin's Tesseract,
/// otherwise <c>chi_sim</c>; the bare <c>tesseract</c> command keeps <c>-l chi_sim</c>).
/// </summary>
internal sealed record BenchOverrides(int? LayoutMaxSide, string? Languages)
{
    private const string LayoutMaxSideFlag = "--layout-max-side";

    /// <summary>The overrides, and the arguments without <c>--layout-max-side N</c> (the others are positional).</summary>
    public static (string[] Arguments, BenchOverrides Overrides) Read(string[] args)
    {
        var at = Array.IndexOf(args, LayoutMaxSideFlag);
        int? layoutMaxSide = null;
        if (at >= 0)
        {
            layoutMaxSide = at + 1 < args.Length
                ? int.Parse(args[at + 1], CultureInfo.InvariantCulture)
                : throw new ArgumentException($"{LayoutMaxSideFlag} needs a number of pixels");
            args = [.. args[..at], .. args[(at + 2)..]];
        }

        return (args, new BenchOverrides(layoutMaxSide, Environment.GetEnvironmentVariable("OCRBENCH_LANGUAGES")));
    }

    /// <summary>Sets the overrides on <paramref name="options"/> and checks them as the host does at start.</summary>
    public void ApplyTo(OcrStampsOptions options)
    {
        options.LayoutMaxSide = LayoutMaxSide ?? options.LayoutMaxSide;
        options.Languages = Languages ?? options.Languages;
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
    }
}
