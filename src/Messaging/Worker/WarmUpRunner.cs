using CaseIngest.Abstractions.Plugins;
using CaseIngest.Messaging.Logging;
using Microsoft.Extensions.Logging;

namespace CaseIngest.Messaging.Worker;

/// <summary>Runs the plugins' warm-ups (<see cref="IWarmUp"/>) one after the other, once, before the worker consumes:
/// what they load (the OCR models) is then ready for the first message instead of being loaded inside it. A warm-up
/// that fails is logged and skipped: the worker still consumes, and a package that needs the part records the
/// failure as it would have without the warm-up.</summary>
public sealed class WarmUpRunner(IEnumerable<IWarmUp> warmUps, TimeProvider time, ILogger<WarmUpRunner> logger)
{
    /// <exception cref="OperationCanceledException">The worker is stopping.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var warmUp in warmUps)
        {
            var started = time.GetTimestamp();
            try
            {
                await warmUp.WarmUpAsync(cancellationToken);
                logger.WarmedUp(warmUp.Name, Math.Round(time.GetElapsedTime(started).TotalMilliseconds));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                logger.WarmUpFailed(ex, warmUp.Name, ex.Message);
            }
        }
    }
}
