namespace CaseIngest.Abstractions.Plugins;

/// <summary>One stage of submission processing, provided by a plugin. Resolved from a DI scope per package.</summary>
/// <remarks>
/// <para>A plugin registers its step with <see cref="StepServiceCollectionExtensions.AddSubmissionStep{TStep}"/>,
/// naming there the plugins whose output it reads. The host knows the rest: the step's name is its plugin's folder (also
/// its configuration section <c>Plugins:&lt;Name&gt;</c> and the <c>plugin</c> of its findings), its version is the
/// plugin assembly's.</para>
/// <para>A step MUST NOT keep state between packages (it is scoped). A step MAY add fields and findings to the
/// context's <see cref="SubmissionContext.Record"/>.</para>
/// <para>A step that throws or passes its timeout fails alone: the host records <c>plugin_failed</c> for it, discards
/// what it wrote, and still runs the steps that do not need it. A step SHOULD honour the cancellation token; one stuck
/// in native code can be run in a child process (<c>Plugins:&lt;Name&gt;:Isolation = process</c>).</para>
/// <para>The host MUST call a step only after every step it needs, and disposes the package's work folder afterwards:
/// a step MUST NOT keep paths to it.</para>
/// </remarks>
public interface ISubmissionStep
{
    /// <summary>Cheap, no I/O: whether the package holds anything for this step (e.g. a file of the role it reads).</summary>
    bool CanRun(SubmissionContext context);

    /// <summary>Does the work: reads <see cref="SubmissionContext.Files"/>, writes into <see cref="SubmissionContext.Record"/>.</summary>
    Task RunAsync(SubmissionContext context, CancellationToken cancellationToken);
}
