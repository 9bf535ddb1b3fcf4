using System.CommandLine;

namespace CaseIngest.Host.Cli;

/// <summary>One <c>caseingest</c> command. Every non-abstract implementation in the Host assembly with a parameterless
/// constructor is found by reflection, so adding a command means adding one file.</summary>
public interface ICliCommand
{
    /// <summary>Builds the command (name, arguments, options, action).</summary>
    /// <param name="services">Shared option factories and the service-provider composition.</param>
    Command Build(CliServices services);
}
