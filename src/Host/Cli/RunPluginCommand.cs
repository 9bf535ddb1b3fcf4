using System.CommandLine;
using CaseIngest.Core.Pipeline.Isolation;

namespace CaseIngest.Host.Cli;

/// <summary>Hidden: the child side of <c>Isolation=process</c>. The parent writes a request file and reads the record back.</summary>
internal sealed class RunPluginCommand : ICliCommand
{
    public Command Build(CliServices services)
    {
        var request = new Argument<string>("request") { Description = "The request file written by the parent process" };
        var command = new Command(ChildProcessStepExecutor.CommandName, "Runs one plugin step for a parent process") { request };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) =>
            IsolatedStepHost.RunAsync(parseResult.GetValue(request)!, services.Error, cancellationToken));
        return command;
    }
}
