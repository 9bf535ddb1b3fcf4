using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseIngest.Web.Auth;

/// <summary>What <c>caseingest users add</c> produces: the <c>Auth:Users:&lt;name&gt;</c> entry with a hashed password, as
/// JSON to paste, as environment variables, or merged into a JSON configuration file.</summary>
public sealed partial class UserConfigurationEntry
{
    // Relaxed escaping keeps the hash's '+' readable in the file people edit.
    private static readonly JsonSerializerOptions s_writeOptions =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private UserConfigurationEntry(string name, string role, string passwordHash, string? unit)
    {
        Name = name;
        Role = role;
        PasswordHash = passwordHash;
        Unit = unit;
    }

    public string Name { get; }

    public string Role { get; }

    public string PasswordHash { get; }

    /// <summary>The user's own unit (required for an expert), or null.</summary>
    public string? Unit { get; }

    /// <summary>Hashes the password; throws <see cref="ArgumentException"/> naming what is wrong with the name, role or password.</summary>
    public static UserConfigurationEntry Create(string name, string role, string password, string? unit = null)
    {
        if (!UserName().IsMatch(name ?? ""))
        {
            throw new ArgumentException($"User name '{name}' must be 1–64 letters, digits, '.', '_', '-' or '@' (it becomes a configuration key).", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"Role '{role}' is not one of {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            throw new ArgumentException("The password must have at least 8 characters.", nameof(password));
        }

        if (role == Roles.Expert && string.IsNullOrWhiteSpace(unit))
        {
            throw new ArgumentException("An expert needs their own unit (--unit): no case of that unit is assigned to them.", nameof(unit));
        }

        return new UserConfigurationEntry(name!, role, PasswordHashes.Hash(password), string.IsNullOrWhiteSpace(unit) ? null : unit.Trim());
    }

    /// <summary>The entry as a JSON configuration fragment.</summary>
    public string ToJson()
    {
        var root = new JsonObject();
        Merge(root);
        return root.ToJsonString(s_writeOptions);
    }

    /// <summary>The entry as environment variables (<c>Auth__Users__name__Role=…</c>).</summary>
    public IEnumerable<string> ToEnvironmentVariables() =>
    [
        $"{AuthOptions.SectionName}__Users__{Name}__Role={Role}",
        // Quoted: the hash holds '$', which a shell would expand.
        $"{AuthOptions.SectionName}__Users__{Name}__PasswordHash='{PasswordHash}'",
        .. Unit is null ? (string[])[] : [$"{AuthOptions.SectionName}__Users__{Name}__Unit='{Unit.Replace("'", "'\\''", StringComparison.Ordinal)}'"],
    ];

    /// <summary>Adds or replaces the user in a JSON configuration file, keeping everything else in it; creates the file.</summary>
    public async Task WriteToFileAsync(string path, CancellationToken cancellationToken)
    {
        JsonObject root;
        if (File.Exists(path))
        {
            await using var input = File.OpenRead(path);
            try
            {
                root = await JsonNode.ParseAsync(input, cancellationToken: cancellationToken) as JsonObject
                    ?? throw new InvalidDataException($"{path}: the configuration file does not hold a JSON object.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: not valid JSON ({ex.Message}).", ex);
            }
        }
        else
        {
            root = new JsonObject();
        }

        Merge(root);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, root.ToJsonString(s_writeOptions), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private void Merge(JsonObject root)
    {
        var auth = Child(root, AuthOptions.SectionName);
        var users = Child(auth, nameof(AuthOptions.Users));
        var user = new JsonObject
        {
            [nameof(UserEntry.Role)] = Role,
            [nameof(UserEntry.PasswordHash)] = PasswordHash,
        };
        if (Unit is not null)
        {
            user[nameof(UserEntry.Unit)] = Unit;
        }

        users[Name] = user;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();
}
