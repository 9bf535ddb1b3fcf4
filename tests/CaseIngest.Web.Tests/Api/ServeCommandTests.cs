using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseIngest.Testing;
using CaseIngest.Web.Auth;
using CaseIngest.Web.Tests.Fixtures;

namespace CaseIngest.Web.Tests.Api;

/// <summary>`caseingest serve` as people start it: the built executable, a user from the environment, a fresh index.</summary>
public sealed class ServeCommandTests
{
    private static readonly string s_executable = Path.Combine(TestPaths.RepoRoot, "src", "Host", "bin",
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!, "net10.0", "caseingest.dll");

    [Fact]
    public async Task Serve_BuiltExecutable_ListensAndLetsOnlySignedInUsersIn()
    {
        // The solution build (scripts/test.sh) builds the host before the tests; a lone project build may not have.
        Assert.True(File.Exists(s_executable), $"{s_executable} is missing: build src/Host first (dotnet build CaseIngest.sln).");
        using var temp = new TemporaryDirectory("caseingest-serve-");
        var folder = temp.Path;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { s_executable, "serve", "--urls", $"http://127.0.0.1:{port}", "--index", Path.Combine(folder, "index") },
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["Auth__Users__zhang__Role"] = Roles.Editor,
                ["Auth__Users__zhang__PasswordHash"] = PasswordHashes.Hash(WebAppFixture.Password, 10_000),
            },
        };
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains($"Listening on http://127.0.0.1:{port}", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"serve exited with {process.ExitCode}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new AppClient(new Uri($"http://127.0.0.1:{port}/"));

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/search")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("zhang", WebAppFixture.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/search")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/openapi/v1.json")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
