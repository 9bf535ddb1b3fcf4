using Microsoft.ML.OnnxRuntime;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// PP-OCRv4's two ONNX Runtime sessions and its dictionary, loaded once per process and shared by every lane: a
/// session's <c>Run</c> is thread-safe, so two lanes need one copy of the weights, not two.
/// </summary>
/// <remarks>
/// Memory, not speed, sets the session options. The memory pattern (planned per input shape) stays off: page images
/// differ in size. The CPU arena is on, and a run hands its unused blocks back at its end when the process is over
/// its memory budget (<see cref="ArenaRetention"/>, <c>memory.enable_memory_arena_shrinkage</c>): measured on ten corpus packages,
/// that peaks lower than tensors taken from and returned to glibc one by one (562 against 611 MiB, one package at a
/// time; 645–690 against 878 MiB, two), as the arena reuses a run's blocks where glibc fragments them
/// (<c>docs/BENCHMARKS.md</c>, memory).
/// </remarks>
internal sealed class PaddleModels : IDisposable
{
    public PaddleModels(PaddleModelFiles files, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = true,
            EnableMemoryPattern = false,
        };
        // Intra-op threads that wait spin by default: with more than one thread per lane (one lane, or several worker
        // processes on one machine) the spinning threads take the cores the other lanes and processes need. Measured
        // (one lane of two threads per worker): one worker 1.22 -> 1.03 CPU s a message, two workers 1.81 -> 1.25.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        Detection = new InferenceSession(files.Detection, options);
        try
        {
            Recognition = new InferenceSession(files.Recognition, options);
        }
        catch
        {
            Detection.Dispose();
            throw;
        }

        Decoder = CtcDecoder.FromFile(files.Dictionary);
    }

    /// <summary>DBNet: text-line probability map of a page.</summary>
    public InferenceSession Detection { get; }

    /// <summary>SVTR/CRNN: character scores of a batch of line images.</summary>
    public InferenceSession Recognition { get; }

    public CtcDecoder Decoder { get; }

    public void Dispose()
    {
        Detection.Dispose();
        Recognition.Dispose();
    }
}
