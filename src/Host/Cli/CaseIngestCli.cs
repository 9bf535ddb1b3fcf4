namespace CaseIngest.Host.Cli;

internal static class CaseIngestCli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("caseingest: the command line is being built; args: " + string.Join(' ', args));
        return Task.FromResult(1);
    }
}
