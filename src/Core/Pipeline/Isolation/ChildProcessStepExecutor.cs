using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CaseIngest.Core.Pipeline.Isolation;

/// <summary>Runs a step in a child process (the host re-invoked with <c>run-plugin REQUEST</c>), exchanging the record
/// through files. At the timeout the child is killed: a hang or a native crash costs this package only.</summary>
public sealed class ChildProcessStepExecutor
{
    public const string CommandName = "run-plugin";
    private const string QuickJitVariable = "DOTNET_TC_QuickJit";
    private const int StderrTailChars = 600;

    private readonly IConfiguration _configuration;
    private readonly PluginCatalog _catalog;
    private readonly PipelineOptions _options;

    public ChildProcessStepExecutor(IConfiguration configuration, PluginCatalog catalog, IOptions<PipelineOptions> options)
    {
        _configuration = configuration;
        _catalog = catalog;
        _options = options.Value;
    }

    /// <summary>Runs the step of <paramref name="plugin"/> on <paramref name="context"/>'s record in a child and returns
    /// the record it wrote.</summary>
    public async Task<CaseRecord> ExecuteAsync(string plugin, SubmissionContext context, string workFolder, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var exchange = Path.Combine(workFolder, "isolated-" + plugin + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(exchange);
        var request = new IsolatedStepRequest
        {
            Plugin = plugin,
            RuleSet = context.RuleSet,
            RecordPath = Path.Combine(exchange, "record.json"),
            OutputPath = Path.Combine(exchange, "result.json"),
            Files = context.Files.Select(f => new IsolatedFile
            {
                Name = f.Name, Path = f.Path, Role = f.Role, Sha256 = f.Sha256, Bytes = f.Bytes, ConvertedFrom = f.ConvertedFrom,
                ConversionProblem = f.ConversionProblem, Pages = f.Pages.ToList(),
            }).ToList(),
            Configuration = ChildConfiguration(),
        };
        await File.WriteAllTextAsync(request.RecordPath, CaseRecordJson.Serialize(context.Record), cancellationToken);
        var requestPath = Path.Combine(exchange, "request.json");
        await File.WriteAllTextAsync(requestPath, JsonSerializer.Serialize(request, CaseRecordJson.Options), cancellationToken);

        using var process = new Process { StartInfo = StartInfo(requestPath) };
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var timeoutCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCancellation.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new StepFailedException($"timed out after {timeout.TotalSeconds:0.#} s in its child process (killed)");
        }

        if (process.ExitCode != 0 || !File.Exists(request.OutputPath))
        {
            string tail;
            lock (stderr)
            {
                tail = stderr.ToString().Trim();
            }

            tail = tail.Length > StderrTailChars ? "…" + tail[^StderrTailChars..] : tail;
            throw new StepFailedException($"its child process exited with code {process.ExitCode}: {tail}");
        }

        return CaseRecordJson.Deserialize(await File.ReadAllTextAsync(request.OutputPath, cancellationToken));
    }

    private ProcessStartInfo StartInfo(string requestPath)
    {
        var (fileName, leading) = ChildCommand();
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in leading)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add(CommandName);
        info.ArgumentList.Add(requestPath);
        // The host compiles its methods optimised at their first call, a price paid once by a long-running process; a
        // child lives for one step, so it keeps .NET's quick first compilation (unless the environment says otherwise).
        info.Environment.TryAdd(QuickJitVariable, "1");
        return info;
    }

    /// <summary>The configured child host, else this process's own entry point (through dotnet when it runs as a .dll).</summary>
    private (string FileName, string[] Leading) ChildCommand()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var runsThroughDotnet = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var dotnet = runsThroughDotnet ? processPath : "dotnet";
        if (!string.IsNullOrWhiteSpace(_options.ChildHost))
        {
            return _options.ChildHost.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? (dotnet, [_options.ChildHost])
                : (_options.ChildHost, []);
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        return runsThroughDotnet && entry is not null ? (processPath, [entry]) : (processPath, []);
    }

    /// <summary>The sections a plugin can read (its own and the pipeline's), with the plugins folder made absolute.</summary>
    private Dictionary<string, string?> ChildConfiguration()
    {
        var values = _configuration.AsEnumerable()
            .Where(p => p.Value is not null && (p.Key.StartsWith(PluginOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase)
                                                || p.Key.StartsWith(PipelineOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase)
                                                || p.Key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        values[PluginOptions.SectionName + ":Path"] = _catalog.Directory;
        return values;
    }
}
