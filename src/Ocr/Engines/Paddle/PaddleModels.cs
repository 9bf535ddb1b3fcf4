using Microsoft.ML.OnnxRuntime;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// PP-OCRv4's two ONNX Runtime sessions and its dictionary, loaded once per process and shared by every lane: a
/// session's <c>Run</c> is thread-safe, so two lanes need one copy of the weights, not two.
/// </summary>
/// <remarks>
/// Memory, not speed, sets the session options: page images differ in size, so the CPU arena (which keeps every
/// block it ever grew to and never gives it back) and the memory pattern (planned per input shape) only grow a
/// long-running worker's resident set; without them each run's tensors go back to the allocator when it ends.
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
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
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
