using OpenCvSharp;

namespace CaseIngest.Ocr.Imaging;

/// <summary>
/// Makes red seal ink vanish from a scan: in the red channel red ink is as bright as the paper, while black and blue
/// text stay dark. Text under a seal becomes readable; without this both engines read almost nothing under seals.
/// </summary>
public static class SealInkSuppressor
{
    public static Mat RedChannelAsGrey(Mat bgr)
    {
        if (bgr.Channels() == 1)
        {
            return bgr.Clone();
        }

        return bgr.ExtractChannel(2);
    }
}
