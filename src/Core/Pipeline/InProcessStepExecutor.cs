using CaseIngest.Abstractions.Plugins;

namespace CaseIngest.Core.Pipeline;

/// <summary>Runs a step in this process. At the timeout the step's token is cancelled and the pipeline stops waiting:
/// a step stuck in native code keeps its thread, but no longer holds up the package.</summary>
public sealed class InProcessStepExecutor
{
    public async Task ExecuteAsync(ISubmissionStep step, SubmissionContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stepCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => step.RunAsync(context, stepCancellation.Token), CancellationToken.None);
        try
        {
            await run.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await stepCancellation.CancelAsync();
            // The abandoned task's eventual exception must not surface as an unobserved one.
            _ = run.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new StepFailedException($"timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StepFailedException("cancelled itself (OperationCanceledException) before its timeout");
        }
    }
}
