using System.Globalization;
using CaseIngest.Bench.Processes;

namespace CaseIngest.Bench.Workers;

/// <summary>A throwaway rabbitmq-server started with the messaging engineer's scripts/start-rabbitmq.sh, its state in a
/// folder of this run, stopped on dispose.</summary>
public sealed class LocalBroker : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _folder;
    private readonly string[] _startArguments;

    private LocalBroker(string script, string folder, string[] startArguments, string uri)
    {
        _script = script;
        _folder = folder;
        _startArguments = startArguments;
        Uri = uri;
    }

    public string Uri { get; }

    public static async Task<LocalBroker> StartAsync(string repoRoot, string folder, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repoRoot, "scripts", "start-rabbitmq.sh");
        var amqpPort = Random.Shared.Next(21000, 24000);
        var arguments = new[] { script, folder, amqpPort.ToString(CultureInfo.InvariantCulture), (amqpPort + 1).ToString(CultureInfo.InvariantCulture),
            $"caseingest-bench-{amqpPort}@localhost" };
        var start = await ChildProcess.RunAsync("bash", arguments, repoRoot, environment: null, cancellationToken);
        var uri = start.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        return new LocalBroker(script, folder, arguments, uri);
    }

    /// <summary>Stops the node; <see cref="StartAgainAsync"/> starts it on the same data and ports (durable queues keep
    /// their messages).</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await ChildProcess.RunAsync("bash", [_script, "--stop", _folder], Path.GetDirectoryName(_script)!, environment: null, cancellationToken);

    public async Task StartAgainAsync(CancellationToken cancellationToken) =>
        await ChildProcess.RunAsync("bash", _startArguments, Path.GetDirectoryName(Path.GetDirectoryName(_script))!, environment: null, cancellationToken);

    public async ValueTask DisposeAsync() =>
        await ChildProcess.RunAsync("bash", [_script, "--stop", _folder], Path.GetDirectoryName(_script)!, environment: null, CancellationToken.None);
}
