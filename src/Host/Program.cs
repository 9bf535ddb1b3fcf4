// The command line is assembled in Cli/; this file stays template-sized.
// First, before any thread allocates: the native allocator set for long runs with large, short-lived buffers.
CaseIngest.Host.Runtime.NativeHeap.LimitRetention();
return await CaseIngest.Host.Cli.CaseIngestCli.RunAsync(args);
