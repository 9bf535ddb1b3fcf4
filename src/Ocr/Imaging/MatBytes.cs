using System.Runtime.InteropServices;
using OpenCvSharp;

namespace CaseIngest.Ocr.Imaging;

/// <summary>Copies an 8-bit single-channel image's pixels into a managed array in one go (row after row).</summary>
public static class MatBytes
{
    public static byte[] ToArray(Mat grey)
    {
        if (grey.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"expected an 8-bit grey image, got {grey.Type()}", nameof(grey));
        }

        using var continuous = grey.IsContinuous() ? null : grey.Clone();
        var source = continuous ?? grey;
        var bytes = new byte[source.Width * source.Height];
        Marshal.Copy(source.Data, bytes, 0, bytes.Length);
        return bytes;
    }
}
