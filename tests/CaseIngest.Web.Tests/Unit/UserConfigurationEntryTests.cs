using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using CaseIngest.Web.Auth;
using Microsoft.Extensions.Configuration;

namespace CaseIngest.Web.Tests.Unit;

public sealed class UserConfigurationEntryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "caseingest-users-" + Guid.NewGuid().ToString("N"));

    public UserConfigurationEntryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task WriteToFileAsync_ExistingConfiguration_AddsUserAndKeepsTheRest()
    {
        var path = Path.Combine(_folder, "caseingest.json");
        await File.WriteAllTextAsync(path, """{ "Search": { "Lucene": { "Path": "/data/index" } }, "Auth": { "Users": { "old": { "Role": "editor", "PasswordHash": "x" } } } }""");

        await UserConfigurationEntry.Create("wang.li", Roles.Reviewer, "long-enough-password").WriteToFileAsync(path, CancellationToken.None);

        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        Assert.Equal("/data/index", configuration["Search:Lucene:Path"]);
        Assert.Equal("editor", configuration["Auth:Users:old:Role"]);
        Assert.Equal("reviewer", configuration["Auth:Users:wang.li:Role"]);
        Assert.True(PasswordHashes.Verify("long-enough-password", configuration["Auth:Users:wang.li:PasswordHash"]));
    }

    [Fact]
    public async Task WriteToFileAsync_NoFile_CreatesIt()
    {
        var path = Path.Combine(_folder, "new.json");

        await UserConfigurationEntry.Create("ada", Roles.Admin, "long-enough-password").WriteToFileAsync(path, CancellationToken.None);

        var options = new AuthOptions();
        new ConfigurationBuilder().AddJsonFile(path).Build().GetSection(AuthOptions.SectionName).Bind(options);
        Assert.Equal(Roles.Admin, options.Users["ada"].Role);
        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    [Fact]
    public async Task WriteToFileAsync_FileIsNotJson_SaysWhichFile()
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            UserConfigurationEntry.Create("ada", Roles.Admin, "long-enough-password").WriteToFileAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada", "boss", "long-enough-password", "Role 'boss'")]
    [InlineData("a:b", "admin", "long-enough-password", "User name 'a:b'")]
    [InlineData("ada", "admin", "short", "at least 8")]
    public void Create_BadInput_ThrowsNamingTheProblem(string name, string role, string password, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => UserConfigurationEntry.Create(name, role, password));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithUnit_WritesIt()
    {
        var entry = UserConfigurationEntry.Create("zhang", Roles.Reviewer, "long-enough-password", "山西龙城数智产业集团有限公司");
        var json = JsonNode.Parse(entry.ToJson())!;

        Assert.Equal("山西龙城数智产业集团有限公司", json["Auth"]!["Users"]!["zhang"]!["Unit"]!.GetValue<string>());
        Assert.Contains(entry.ToEnvironmentVariables(), v => v == "Auth__Users__zhang__Unit='山西龙城数智产业集团有限公司'");
    }

    [Fact]
    public void ToJson_Entry_IsTheAuthUsersSection()
    {
        var entry = UserConfigurationEntry.Create("eddie", Roles.Editor, "long-enough-password");

        var json = JsonNode.Parse(entry.ToJson())!;

        Assert.Equal("editor", json["Auth"]!["Users"]!["eddie"]!["Role"]!.GetValue<string>());
        Assert.Equal(entry.PasswordHash, json["Auth"]!["Users"]!["eddie"]!["PasswordHash"]!.GetValue<string>());
        Assert.Contains(entry.ToEnvironmentVariables(), v => v == "Auth__Users__eddie__Role=editor");
    }

    [Fact]
    public void Validate_UnknownRoleOrPlainPassword_NamesTheUser()
    {
        var options = new AuthOptions
        {
            Users = { ["zhao"] = new UserEntry { Role = "superuser", PasswordHash = "secret" } },
        };

        var errors = options.Validate(new ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("Auth:Users:zhao", e, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
