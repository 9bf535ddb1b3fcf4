using CaseIngest.Abstractions.Plugins;
using CaseIngest.Ocr.Engines;
using CaseIngest.Plugins.OcrStamps.Configuration;
using Microsoft.Extensions.Options;

namespace CaseIngest.Plugins.OcrStamps;

/// <summary>The worker's warm-up of the plugin's engines: nearly every package has a signature page, so a worker creates
/// the engines and runs them once before it consumes, and the first message does not wait for them (583 ms at a
/// worker's start here: the sessions' creation, a blank strip's detection and recognition, the code they run compiled).
/// Off with <c>Plugins:OcrStamps:WarmUp=false</c>.</summary>
internal sealed class OcrStampsWarmUp(OcrEngineProvider engines, IOptions<OcrStampsOptions> options) : IWarmUp
{
    public string Name => "OcrStamps engines";

    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        options.Value.WarmUp ? engines.WarmUpAsync(cancellationToken) : Task.CompletedTask;
}
