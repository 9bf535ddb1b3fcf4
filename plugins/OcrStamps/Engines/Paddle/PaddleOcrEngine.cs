using Microsoft.ML.OnnxRuntime;
using CaseIngest.Plugins.OcrStamps.Imaging;
using OpenCvSharp;

namespace CaseIngest.Plugins.OcrStamps.Engines.Paddle;

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

    /// <param name="models">The process's sessions, shared with the other lanes (not disposed here).</param>
    public PaddleOcrEngine(PaddleModels models, int detectionMaxSide)
    {
        _detectionMaxSide = detectionMaxSide;
        _detection = models.Detection;
        _recognition = models.Recognition;
        _decoder = models.Decoder;
    }

    public IReadOnlyList<OcrLine> ReadPage(Mat grey, CancellationToken cancellationToken)
    {
        var boxes = Detect(grey, cancellationToken);
        var crops = boxes.Select(b => TextLineCropper.Crop(grey, b)).ToList();
        try
        {
            var read = Recognise(crops, cancellationToken);
            var lines = new List<OcrLine>(boxes.Count);
            for (var i = 0; i < boxes.Count; i++)
            {
                if (read[i].Text.Trim().Length == 0)
                {
                    continue;
                }

                var bounds = Cv2.BoundingRect(boxes[i].Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))));
                lines.Add(new OcrLine(read[i].Text.Trim(), bounds, read[i].Confidence));
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

    private List<Point2f[]> Detect(Mat grey, CancellationToken cancellationToken)
    {
        var scale = Math.Min(1.0, (double)_detectionMaxSide / Math.Max(grey.Width, grey.Height));
        var width = Math.Max(32, (int)Math.Round(grey.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(grey.Height * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(grey, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);

        var input = new float[3 * width * height];
        var plane = width * height;
        var pixels = MatBytes.ToArray(resized);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = y * width + x;
                var value = pixels[at] / 255f;
                for (var c = 0; c < 3; c++)
                {
                    input[c * plane + at] = (value - s_detMean[c]) / s_detStd[c];
                }
            }
        }

        using var map = Run(_detection, input, [1, 3, height, width], cancellationToken, out var shape);
        using var probability = Mat.FromPixelData((int)shape[2], (int)shape[3], MatType.CV_32FC1, (IntPtr)map);
        var scaleX = (double)grey.Width / width;
        var scaleY = (double)grey.Height / height;
        return _postProcessor.FindBoxes(probability)
            .Select(r => TextLineCropper.OrderCorners(r.Points().Select(p => new Point2f((float)(p.X * scaleX), (float)(p.Y * scaleY)))))
            .ToList();
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
            var input = new float[batch.Length * 3 * plane];
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

            using var output = Run(_recognition, input, [batch.Length, 3, RecognitionHeight, batchWidth], cancellationToken, out var shape);
            var steps = (int)shape[1];
            var classes = (int)shape[2];
            if (classes != _decoder.ClassCount)
            {
                throw new InvalidOperationException(
                    $"PP-OCR recogniser emits {classes} classes but the dictionary gives {_decoder.ClassCount}: model and dictionary do not belong together");
            }

            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = _decoder.Decode(output.Data.AsSpan(b * steps * classes, steps * classes), steps);
            }
        }

        return results.ToList();
    }

    private static PinnedOutput Run(InferenceSession session, float[] input, long[] shape, CancellationToken cancellationToken, out long[] outputShape)
    {
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [tensor], [session.OutputNames[0]]);
        cancellationToken.ThrowIfCancellationRequested();
        outputShape = outputs[0].GetTensorTypeAndShape().Shape;
        return new PinnedOutput(outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose()
    {
        // The sessions belong to the pool's PaddleModels.
    }

    /// <summary>An output tensor copied out of ONNX Runtime's memory, pinned so OpenCV can wrap it without a copy.</summary>
    private sealed class PinnedOutput : IDisposable
    {
        private System.Runtime.InteropServices.GCHandle _handle;

        public PinnedOutput(float[] values)
        {
            Data = values;
            _handle = System.Runtime.InteropServices.GCHandle.Alloc(values, System.Runtime.InteropServices.GCHandleType.Pinned);
        }

        public float[] Data { get; }

        public static implicit operator IntPtr(PinnedOutput output) => output._handle.AddrOfPinnedObject();

        public void Dispose() => _handle.Free();
    }
}
