using System.CommandLine;
using System.Text;
using CaseIngest.Web.Auth;

namespace CaseIngest.Host.Cli;

/// <summary><c>caseingest users add NAME --role R [--unit UNIT] [--file caseingest.json]</c>: hashes a password (PBKDF2) and prints the
/// <c>Auth:Users</c> entry, or merges it into a JSON configuration file. The password is read from standard input
/// when it is redirected, else asked for twice without echo; it never appears on the command line.</summary>
internal sealed class UsersCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var name = new Argument<string>("name") { Description = "The user name (the configuration key)" };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var unit = new Option<string>("--unit") { Description = "The user's own unit (required for an expert: no case of it is assigned to them)" };
        var file = new Option<string>("--file")
        {
            Description = "A JSON configuration file to add the user to (created if missing), e.g. caseingest.json in the folder you run serve from",
        };

        var add = new Command("add", "Adds or replaces a user: hashes the password and prints or writes the configuration entry")
        {
            name, role, unit, file,
        };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            var password = await ReadPasswordAsync(services);
            if (password is null)
            {
                await services.Error.WriteLineAsync("The two passwords differ, or none was given.");
                return 2;
            }

            UserConfigurationEntry entry;
            try
            {
                entry = UserConfigurationEntry.Create(parseResult.GetValue(name)!, parseResult.GetValue(role)!, password, parseResult.GetValue(unit));
            }
            catch (ArgumentException ex)
            {
                await services.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            if (parseResult.GetValue(file) is { } path)
            {
                try
                {
                    await entry.WriteToFileAsync(path, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    await services.Error.WriteLineAsync(ex.Message);
                    return 1;
                }

                await services.Output.WriteLineAsync($"User {entry.Name} ({entry.Role}) written to {Path.GetFullPath(path)}.");
                return 0;
            }

            await services.Output.WriteLineAsync(entry.ToJson());
            await services.Error.WriteLineAsync("Or as environment variables:");
            foreach (var variable in entry.ToEnvironmentVariables())
            {
                await services.Error.WriteLineAsync("  " + variable);
            }

            return 0;
        });

        return new Command("users", "Manages the users who may sign in to the web application (Auth:Users)") { add };
    }

    private static async Task<string?> ReadPasswordAsync(CliServices services)
    {
        if (Console.IsInputRedirected)
        {
            var line = await Console.In.ReadLineAsync();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = ReadHidden(services, "Password: ");
        var second = ReadHidden(services, "Repeat password: ");
        return first.Length > 0 && first == second ? first : null;
    }

    private static string ReadHidden(CliServices services, string prompt)
    {
        services.Error.Write(prompt);
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        services.Error.WriteLine();
        return password.ToString();
    }
}
