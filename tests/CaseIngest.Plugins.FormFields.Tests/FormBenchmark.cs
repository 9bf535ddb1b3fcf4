using System.Diagnostics;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;
using CaseIngest.Testing;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Milliseconds per form, warm, for the note: opt-in (CASEINGEST_BENCH=1), prints the figure, asserts no time.</summary>
public sealed class FormBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task RunAsync_EveryCorpusForm_PrintsMillisecondsPerForm()
    {
        var forms = new List<(CorpusPackage Package, string Path)>();
        foreach (var id in TestPaths.CorpusIds)
        {
            var package = new CorpusPackage(id);
            forms.Add((package, package.FormPath));
        }

        try
        {
            // Warm-up: JIT and the OpenXml schema caches, as in a long-running worker.
            foreach (var (_, path) in forms)
            {
                await FormStepRunner.RunOnFileAsync(path, FileRole.Form);
            }

            // The step as the host holds it (composed once), run on a fresh record per form: read file, parse, check.
            var step = FormStepRunner.CreateStep();
            var files = forms.Select(f => TestPackageFiles.Of(f.Path, FileRole.Form)).ToList();
            const int rounds = 100;
            // CPU time beside wall time: on a machine shared by many builds, wall time mostly measures the queue.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var file in files)
                {
                    var context = PluginSteps.Context(new CaseRecord(), [file]);
                    await step.RunAsync(context, CancellationToken.None);
                }
            }

            stopwatch.Stop();
            var perForm = stopwatch.Elapsed.TotalMilliseconds / (rounds * files.Count);
            var cpuPerForm = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (rounds * files.Count);
            output.WriteLine($"FormFields: {perForm:F2} ms wall, {cpuPerForm:F2} ms CPU per form (warm; {rounds} rounds x {files.Count} corpus forms; file read + parse + checks; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            Assert.True(perForm > 0);
        }
        finally
        {
            forms.ForEach(f => f.Package.Dispose());
        }
    }
}
