using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseIngest.Testing;
using Testcontainers.RabbitMq;

namespace CaseIngest.Messaging.Tests.Fixtures;

/// <summary>A real RabbitMQ for the test collection: a Testcontainers container where Docker is reachable, otherwise
/// Debian's rabbitmq-server started by scripts/start-rabbitmq.sh on free ports in a temporary folder. Both can be
/// restarted on the same port and data, for the broker-restart test.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private RabbitMqContainer? _container;
    private string? _directory;
    private int _amqpPort;
    private int _distPort;

    public Uri Uri { get; private set; } = null!;

    public string Kind => _container is null ? "rabbitmq-server (Debian)" : "Testcontainers";

    public async Task InitializeAsync()
    {
        _amqpPort = FreePort();
        if (DockerIsReachable())
        {
            try
            {
                _container = new RabbitMqBuilder("rabbitmq:3.13")
                    .WithPortBinding(_amqpPort, RabbitMqBuilder.RabbitMqPort)
                    .Build();
                await _container.StartAsync();
                Uri = new Uri(_container.GetConnectionString());
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Docker answered but cannot run the image (no network, no image): fall back to the local server.
                _container = null;
            }
        }

        _distPort = FreePort();
        _directory = Path.Combine(Path.GetTempPath(), $"caseingest-rabbitmq-{_amqpPort}");
        await StartLocalAsync();
        Uri = new Uri($"amqp://guest:guest@localhost:{_amqpPort}/");
    }

    /// <summary>Stops the broker (its data stays).</summary>
    public async Task StopAsync()
    {
        if (_container is not null)
        {
            await _container.StopAsync();
            return;
        }

        await RunScriptAsync("--stop", _directory!);
    }

    /// <summary>Starts the stopped broker again on the same port with the same data.</summary>
    public async Task StartAsync()
    {
        if (_container is not null)
        {
            await _container.StartAsync();
            return;
        }

        await StartLocalAsync();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }

        if (_directory is not null)
        {
            await RunScriptAsync("--stop", _directory);
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still open by a dying node; /tmp is cleaned eventually.
            }
        }
    }

    private Task StartLocalAsync() =>
        RunScriptAsync(_directory!, _amqpPort.ToString(), _distPort.ToString(), $"caseingest-test-{_amqpPort}@localhost");

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(TestPaths.RepoRoot, "scripts", "start-rabbitmq.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"start-rabbitmq.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error} {await output}");
        }
    }

    private static bool DockerIsReachable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrokerTestGroup : ICollectionFixture<BrokerFixture>
{
    /// <summary>Every broker test shares one broker and runs one after another (one test restarts it).</summary>
    public const string Name = "broker";
}
