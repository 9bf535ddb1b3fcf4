using Microsoft.ML.OnnxRuntime;
using CaseIngest.Ocr.Imaging;
using OpenCvSharp;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// PP-OCRv4 (PaddleOCR's Chinese detection and recognition models, Apache-2.0) on ONNX Runtime: DBNet finds the text
/// lines, the CRNN/SVTR recogniser reads each, CTC decoding with PaddleOCR's dictionary turns scores into text.
/// </summary>
internal sealed class PaddleOcrEngine : IOcrEngine
{
    private const int RecognitionHeight = 48;
    private const int RecognitionMaxWidth = RecognitionHeight * 50;
    private const int RecognitionBatch = 6;
    private static readonly float[] s_detMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] s_detStd = [0.229f, 0.224f, 0.225f];

    private readonly InferenceSession _detection;
    private readonly InferenceSession _recognition;
    private readonly CtcDecoder _decoder;
    private readonly DbNetPostProcessor _postProcessor = new();
    private readonly int _detectionMaxSide;
    private readonly ArenaRetention _arena;

    // The input of the engine's runs, its own rather than rented from ArrayPool<float>.Shared: a detection's input is
    // 1.4 million floats and a recognition batch's up to 2.1 million, and the shared pool keeps arrays that size per
    // thread and per core while they are in use — with the lanes on the thread pool's threads, 74–90 MB of them stayed
    // on the large-object heap after gen 2 collections in an `ingest` of 84 packages with OCR (none without OCR).
    // One buffer per lane: its peak 536–560 MiB -> 487–489 MiB, the same CPU (docs/BENCHMARKS.md, #20, session 21).
    private float[] _input = [];

    /// <param name="models">The process's sessions, shared with the other lanes (not disposed here).</param>
    /// <param name="detectionMaxSide">The detection input's longer side when a whole page is read.</param>
    /// <param name="arena">When a run hands the sessions' arena back.</param>
    public PaddleOcrEngine(PaddleModels models, int detectionMaxSide, ArenaRetention arena)
    {
        _detectionMaxSide = detectionMaxSide;
        _arena = arena;
        _detection = models.Detection;
        _recognition = models.Recognition;
        _decoder = models.Decoder;
    }

    public IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken) =>
        ReadRegions(grey, FindLines(grey, _detectionMaxSide, cancellationToken), cancellationToken);

    public IReadOnlyList<TextRegion> FindLines(Mat grey, int maxSide, CancellationToken cancellationToken)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(grey.Width, grey.Height));
        var width = Math.Max(32, (int)Math.Round(grey.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(grey.Height * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(grey, resized, new Size(width, height), 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);

        var plane = width * height;
        using var tensor = InputTensor([1, 3, height, width], out var input);
        var pixels = MatBytes.ToArray(resized);
        for (var at = 0; at < plane; at++)
        {
            var value = pixels[at] / 255f;
            input[at] = (value - s_detMean[0]) / s_detStd[0];
            input[plane + at] = (value - s_detMean[1]) / s_detStd[1];
            input[2 * plane + at] = (value - s_detMean[2]) / s_detStd[2];
        }

        using var outputs = Run(_detection, tensor, cancellationToken);
        var boxes = FindBoxes(outputs[0]);
        var scaleX = (double)grey.Width / width;
        var scaleY = (double)grey.Height / height;
        return boxes
            .Select(r => new TextRegion(TextLineCropper.OrderCorners(r.Points().Select(p => new Point2f((float)(p.X * scaleX), (float)(p.Y * scaleY))))))
            .ToList();
    }

    public IReadOnlyList<OcrLine> ReadRegions(Mat grey, IReadOnlyList<TextRegion> regions, CancellationToken cancellationToken)
    {
        var crops = regions.Select(r => TextLineCropper.Crop(grey, r.Corners)).ToList();
        try
        {
            var read = Recognise(crops, cancellationToken);
            var lines = new List<OcrLine>(regions.Count);
            for (var i = 0; i < regions.Count; i++)
            {
                if (read[i].Text.Trim().Length == 0)
                {
                    continue;
                }

                lines.Add(new OcrLine(regions[i].LineText(read[i].Text.Trim()), regions[i].Bounds, read[i].Confidence));
            }

            return lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }

    public OcrLine ReadLine(Mat grey, CancellationToken cancellationToken)
    {
        var (text, confidence) = Recognise([grey], cancellationToken)[0];
        return new OcrLine(text.Trim(), new Rect(0, 0, grey.Width, grey.Height), confidence);
    }

    private List<(string Text, double Confidence)> Recognise(List<Mat> crops, CancellationToken cancellationToken)
    {
        var results = new (string Text, double Confidence)[crops.Count];
        var widths = crops.Select(c => Math.Clamp((int)Math.Ceiling(RecognitionHeight * (double)c.Width / Math.Max(1, c.Height)), 16, RecognitionMaxWidth)).ToArray();
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => widths[i]).ToArray();
        for (var start = 0; start < order.Length; start += RecognitionBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(RecognitionBatch).ToArray();
            var batchWidth = batch.Max(i => widths[i]);
            var plane = RecognitionHeight * batchWidth;
            using var tensor = InputTensor([batch.Length, 3, RecognitionHeight, batchWidth], out var input);
            // The buffer holds the last run's values: the padding right of each line must be zero.
            input.Clear();
            for (var b = 0; b < batch.Length; b++)
            {
                using var resized = new Mat();
                Cv2.Resize(crops[batch[b]], resized, new Size(widths[batch[b]], RecognitionHeight), 0, 0, InterpolationFlags.Linear);
                var pixels = MatBytes.ToArray(resized);
                var cropWidth = widths[batch[b]];
                var offset = b * 3 * plane;
                for (var y = 0; y < RecognitionHeight; y++)
                {
                    for (var x = 0; x < cropWidth; x++)
                    {
                        var value = pixels[y * cropWidth + x] / 127.5f - 1f;
                        var at = y * batchWidth + x;
                        input[offset + at] = value;
                        input[offset + plane + at] = value;
                        input[offset + 2 * plane + at] = value;
                    }
                }
            }

            using var outputs = Run(_recognition, tensor, cancellationToken);
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            var steps = (int)shape[1];
            var classes = (int)shape[2];
            if (classes != _decoder.ClassCount)
            {
                throw new InvalidOperationException(
                    $"PP-OCR recogniser emits {classes} classes but the dictionary gives {_decoder.ClassCount}: model and dictionary do not belong together");
            }

            var scores = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = _decoder.Decode(scores.Slice(b * steps * classes, steps * classes), steps);
            }
        }

        return results.ToList();
    }

    /// <summary>A tensor over this engine's input buffer (an engine reads one image at a time), filled in place; the
    /// buffer grows to the largest input so far.</summary>
    private OrtValue InputTensor(long[] shape, out Span<float> input)
    {
        var length = (int)(shape[0] * shape[1] * shape[2] * shape[3]);
        if (_input.Length < length)
        {
            _input = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        input = _input.AsSpan(0, length);
        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, length), shape);
    }

    /// <summary>Runs a session on one input; the caller reads the output where ONNX Runtime left it and disposes it.</summary>
    /// <remarks>Outputs are read in place, never copied out: a recognition batch's scores run to 6 × 300 × 6,625 floats
    /// (47 MB), and a managed copy of each landed on the large-object heap, which a worker's resident set carried from one
    /// gen-2 collection to the next.</remarks>
    private IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, OrtValue input, CancellationToken cancellationToken)
    {
        using var runOptions = new RunOptions();
        if (_arena.HandBackAfterRun())
        {
            // The arena's blocks not in use when the run ends go back to the system (see ArenaRetention).
            runOptions.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }

        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        var outputs = session.Run(runOptions, [session.InputNames[0]], [input], [session.OutputNames[0]]);
        if (cancellationToken.IsCancellationRequested)
        {
            outputs.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return outputs;
    }

    /// <summary>DBNet's probability map, wrapped for OpenCV where it lies (no copy), turned into text-line boxes.</summary>
    private unsafe List<RotatedRect> FindBoxes(OrtValue probabilityMap)
    {
        var shape = probabilityMap.GetTensorTypeAndShape().Shape;
        var values = probabilityMap.GetTensorMutableDataAsSpan<float>();
        fixed (float* first = values)
        {
            using var probability = Mat.FromPixelData((int)shape[2], (int)shape[3], MatType.CV_32FC1, (IntPtr)first);
            return _postProcessor.FindBoxes(probability).ToList();
        }
    }

    public void Dispose()
    {
        // The sessions belong to the pool's PaddleModels.
    }
}
