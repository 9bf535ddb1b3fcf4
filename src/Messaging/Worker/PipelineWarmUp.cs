using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Core.PageImages;
using CaseIngest.Core.Pipeline;
using CaseIngest.Core.Storage;
using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Worker;

/// <summary>
/// Runs a sample package through the whole pipeline once before the worker consumes: reading, the files' roles, every
/// plugin, the verdict and the record's JSON. Nothing of it is kept: the package and its page images go to a scratch
/// store in a work folder (<see cref="WorkFolders"/>) deleted afterwards, and the record is neither saved nor announced.
/// </summary>
/// <remarks>Why: the host compiles each method optimised at its first call (no quick JIT), and with
/// <c>DOTNET_ReadyToRun=0</c> .NET's own libraries too, so a process's first package costs seconds of compilation
/// (`ingest` without OCR: 3.2 s, its plugins 2.7 s, against 25–37 ms from the third package on) — inside the first
/// messages, on the cores the other messages need, and once per worker process. The plugins' warm-ups load their
/// engines only. Here the first message finds the code compiled and every lazily built part (templates, patterns,
/// models) built. The worker part of the bench, one run a side: one worker 0.99 → 1.13 of `ingest`, two 0.94 → 1.06
/// (docs/BENCHMARKS.md, #20).</remarks>
internal sealed class PipelineWarmUp(IServiceProvider services, WorkFolders workFolders, IOptions<WarmUpOptions> options,
    IOptions<PageImageOptions> pageImages) : IWarmUp
{
    public string Name => "the pipeline (a sample package)";

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var package = options.Value.FullPackagePath;
        if (!File.Exists(package) && !Directory.Exists(package))
        {
            throw new FileNotFoundException($"the sample package {package} (WarmUp:Package) does not exist", package);
        }

        // A work folder like a package's: in memory when there is room, and removed at the next start if the process
        // is killed before it deletes it.
        using var scratch = workFolders.Create();
        Directory.CreateDirectory(scratch.Path);
        var store = Options.Create(new StoreOptions { Path = scratch.Path });
        var processor = ActivatorUtilities.CreateInstance<SubmissionProcessor>(services,
            new DirectoryPackageStore(store), new DirectoryPageImageStore(store, pageImages));
        var record = await processor.ProcessAsync(package, metadata: null, timings: null, cancellationToken);
        _ = CaseRecordJson.Serialize(record);
    }
}
