using System.Text;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.PageImages;
using CaseIngest.Web.Pages;

namespace CaseIngest.Web.Tests.Unit;

/// <summary>The seal boxes are measured on the OCR's raster of a page (a PDF at 200 dpi) while the page image kept for
/// people is rendered at its own size: the figure must draw the boxes in the OCR's space and stretch the image onto it.</summary>
public sealed partial class SignaturePageFigureTests
{
    [Fact]
    public void Figure_PageReadAtAnotherSizeThanTheKeptImage_DrawsInTheReadSpaceAndStretchesTheImageOntoIt()
    {
        // GIVEN a PDF page read at 200 dpi (A4: 1654 × 2339) whose kept image is 110 dpi (909 × 1286)
        var record = new CaseRecord { SubmissionId = "P1" };
        var page = new PageInfo
        {
            File = "盖章页.pdf", Page = 1, Width = 1654, Height = 2339,
            Seals = [new SealInfo { Block = "recommender", Box = [1040, 1650, 350, 350], Confidence = 0.9 }],
        };
        var image = new PageImage([], "image/png", (909, 1286));

        // WHEN the figure is drawn
        var html = new StringBuilder();
        SignaturePageView.AppendFigure(html, record, 1, page, image, large: true);

        // THEN the box is inside the drawing's space (at 110 dpi it would lie below the page's bottom edge)
        Assert.Matches(ViewBox(), html.ToString());
        Assert.Matches(StretchedImage(), html.ToString());
    }

    [Fact]
    public void Figure_RecordWithoutTheReadSize_DrawsInTheKeptImagesSpace()
    {
        var record = new CaseRecord { SubmissionId = "P1" };
        var page = new PageInfo { File = "盖章页.jpg", Page = 1, Seals = [new SealInfo { Block = "applicant", Box = [100, 100, 50, 50] }] };

        var html = new StringBuilder();
        SignaturePageView.AppendFigure(html, record, 1, page, new PageImage([], "image/jpeg", (1240, 1754)), large: false);

        Assert.Contains("viewBox=\"0 0 1240 1754\"", html.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("viewBox=\"0 0 1654 2339\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("<image [^>]*width=\"1654\" height=\"2339\" preserveAspectRatio=\"none\"")]
    private static partial Regex StretchedImage();
}
