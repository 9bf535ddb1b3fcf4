using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CaseIngest.MicroBench -- --filter '*'   (BenchmarkDotNet's own options)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
