// The command line is assembled in Cli/; this file stays template-sized.
return await CaseIngest.Host.Cli.CaseIngestCli.RunAsync(args);
