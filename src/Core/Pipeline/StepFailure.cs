namespace CaseIngest.Core.Pipeline;

/// <summary>A step did not finish: it timed out, or its child process died. The message is what plugin_failed says.</summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException(string message)
        : base(message)
    {
    }
}
