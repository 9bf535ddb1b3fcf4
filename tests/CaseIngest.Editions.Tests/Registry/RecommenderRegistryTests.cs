using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Registry;

namespace CaseIngest.Editions.Tests.Registry;

/// <summary>The shipped edition-8 registry: the names a confederation goes by match it; near-names do not.</summary>
public sealed class RecommenderRegistryTests
{
    private static readonly Edition s_shipped = EditionCatalog.Load(8, new EditionSettings { ClosingTime = EditionsOptions.ShippedClosingTime });

    [Theory]
    [InlineData("广东省企业联合会", "广东省企业联合会")]
    [InlineData("广东企业联合会", "广东省企业联合会")]
    [InlineData("广东省企业家协会", "广东省企业联合会")]
    [InlineData("广东省企业联合会/企业家协会", "广东省企业联合会")]
    [InlineData("广东省企业联合会、广东省企业家协会", "广东省企业联合会")]
    [InlineData("广东省企业联合会（企业家协会）", "广东省企业联合会")]
    [InlineData(" 广东省 企业联合会 ", "广东省企业联合会")]
    [InlineData("广东企联", "广东省企业联合会")]
    [InlineData("广东省企联", "广东省企业联合会")]
    [InlineData("北京企业联合会", "北京市企业联合会")]
    [InlineData("北京市企业家协会", "北京市企业联合会")]
    [InlineData("广西企业联合会", "广西壮族自治区企业联合会")]
    [InlineData("广西自治区企业家协会", "广西壮族自治区企业联合会")]
    [InlineData("宁夏回族自治区企业联合会", "宁夏回族自治区企业联合会")]
    [InlineData("深圳市企业联合会", "深圳市企业联合会")]
    [InlineData("青岛企联", "青岛市企业联合会")]
    [InlineData("国家电网", "国家电网有限公司")]
    [InlineData("中国石化", "中国石油化工集团有限公司")]
    public void Aliases_Match(string written, string unit) => Assert.Equal(unit, s_shipped.Registry.Match(written)?.Name);

    [Theory]
    [InlineData("广东省企业协会")]
    [InlineData("广东省企业联合")]
    [InlineData("广东省企业联合会深圳分会")]
    [InlineData("广州市企业联合会")]
    [InlineData("中国企业联合会")]
    [InlineData("广东省工业企业联合会")]
    [InlineData("东省企业联合会")]
    [InlineData("国家电网浙江省电力有限公司")]
    [InlineData("中国石油化工股份有限公司")]
    [InlineData("")]
    public void NearNames_DoNotMatch(string written) => Assert.Null(s_shipped.Registry.Match(written));

    [Fact]
    public void TheShippedRegistry_HasEveryProvincialAndPlanSeparateConfederation()
    {
        var confederations = s_shipped.Registry.Units.Count(u => u.Info.Kinds.Contains("企业联合会"));
        Assert.Equal(31 + 5, confederations);
        Assert.All(s_shipped.Registry.Units, u => Assert.Equal(10, u.Quota));
    }

    [Fact]
    public void ANameClaimedByTwoUnits_IsAnErrorNamingBoth()
    {
        var file = new RegistryFile
        {
            Units = [new RegistryEntry { Name = "甲协会", Aliases = ["通用名"] }, new RegistryEntry { Name = "乙协会", Aliases = ["通用名"] }],
        };

        var error = Assert.Throws<RegistryException>(() => RecommenderRegistry.Build(file, 10, 5, "test.json"));

        Assert.Contains("甲协会", error.Message, StringComparison.Ordinal);
        Assert.Contains("乙协会", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedRegistryFile_IsAnErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "units": [ { "nmae": "拼错的键" } ] }""");
        try
        {
            var error = Assert.Throws<RegistryException>(() => EditionCatalog.Load(9, new EditionSettings { ClosingTime = DateTimeOffset.UnixEpoch, Registry = path }));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheCorpusRegistryFixture_NamesEveryRecommenderOfTheCorpora()
    {
        var fixture = EditionCatalog.Load(8, new EditionSettings
        {
            ClosingTime = EditionsOptions.ShippedClosingTime,
            Registry = Path.Combine(AppContext.BaseDirectory, "corpus-recommenders.json"),
        });
        var named = CorpusRecommenders().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.NotNull(fixture.Registry.Match(name)));
        // The shipped registry does not know the corpora's made-up associations and SOE: that is what the fixture is for.
        Assert.Contains(named, name => s_shipped.Registry.Match(name) is null);
    }

    private static IEnumerable<string> CorpusRecommenders()
    {
        foreach (var folder in new[] { TestPaths.CorpusExpected, Path.Combine(TestPaths.RepoRoot, "tests", "corpus-extra", "expected") })
        {
            foreach (var file in Directory.GetFiles(folder, "*.json"))
            {
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
                if (json.RootElement.TryGetProperty("form", out var form) && form.TryGetProperty("recommender", out var r) && r.GetString() is { Length: > 0 } name)
                {
                    yield return name;
                }
            }
        }
    }
}
