using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Analysis;
using CaseIngest.Plugins.OcrStamps.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.OcrStamps.Tests.Configuration;

/// <summary>The plugin's settings as the host binds and validates them (through the registrar), and the reading they
/// make.</summary>
public sealed class OcrStampsOptionsTests
{
    [Theory]
    [InlineData(OcrEngineKind.PaddleOcr, 800)]
    [InlineData(OcrEngineKind.Tesseract, 960)]
    public void LayoutMaxSide_Unset_TheEnginesOwnDefault(OcrEngineKind engine, int expected)
    {
        // GIVEN the plugin's section naming only the engine
        var options = Bind(new() { ["Engine"] = engine.ToString() });

        // WHEN the page reading is made from it
        var reading = PageReading.Of(options);

        // THEN the option stays unset and the lines are looked for at the engine's side
        Assert.Null(options.LayoutMaxSide);
        Assert.Equal(expected, reading.LayoutMaxSide);
        Assert.Equal(OcrReading.Targeted, reading.Mode);
    }

    [Theory]
    [InlineData(OcrEngineKind.PaddleOcr)]
    [InlineData(OcrEngineKind.Tesseract)]
    public void LayoutMaxSide_Configured_WinsForEitherEngine(OcrEngineKind engine)
    {
        // GIVEN a side that is neither engine's default
        var options = Bind(new() { ["Engine"] = engine.ToString(), ["LayoutMaxSide"] = "1024" });

        var reading = PageReading.Of(options);

        Assert.Equal(1024, reading.LayoutMaxSide);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("5000")]
    public void LayoutMaxSide_OutOfRange_FailsValidationNamingTheOption(string side)
    {
        // GIVEN a side no page could be laid out at
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["LayoutMaxSide"] = side }));

        Assert.Contains("LayoutMaxSide", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Languages_Unset_ChiSimAlone_WhileTheSharedEngineDefaultKeepsEnglish()
    {
        var options = Bind([]);

        Assert.Equal("chi_sim", options.Languages);
        // FormFields' engines take the shared default: its forms' Latin text needs eng.
        Assert.Equal("chi_sim+eng", new OcrEngineOptions().Languages);
    }

    [Fact]
    public void Languages_Configured_Wins()
    {
        var options = Bind(new() { ["Engine"] = nameof(OcrEngineKind.Tesseract), ["Languages"] = "chi_sim+eng" });

        Assert.Equal("chi_sim+eng", options.Languages);
    }

    /// <summary>The options as the step gets them: the registrar's binding and validation over the plugin's section.</summary>
    private static OcrStampsOptions Bind(Dictionary<string, string?> section)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(section).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        new OcrStampsRegistrar().Register(services, configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OcrStampsOptions>>().Value;
    }
}
