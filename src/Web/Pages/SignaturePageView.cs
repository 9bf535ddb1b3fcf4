using System.Globalization;
using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Web.Cases;
using CaseIngest.Web.PageImages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseIngest.Web.Pages;

/// <summary>A signature page at full size, with the seal boxes and the dates read beside them drawn over it, so a person
/// can check a seal and a date by eye. Zoom is a plain link (no script): the image grows inside a scrolling frame.</summary>
internal static class SignaturePageView
{
    private static readonly int[] s_zooms = [100, 150, 200, 300];

    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/cases/{id}/pages/{number:int}", async (HttpContext http, string id, int number, int? zoom, VisibleCases cases,
            PageImageStore images, PageLayout layout, CancellationToken ct) =>
        {
            var record = await cases.GetAsync(id, ct);
            if (record is null || number < 1 || number > record.Pages.Count)
            {
                return layout.Render(http, "页面不存在", $"<section class=\"card\" id=\"error\"><h1>没有这一页</h1><p>案例 {Html.E(id)} 没有第 {number} 张盖章页。</p>"
                    + $"<p><a id=\"back\" href=\"/cases/{Html.Url(id)}#stamps\">返回案例</a></p></section>", StatusCodes.Status404NotFound);
            }

            var page = record.Pages[number - 1];
            var image = await images.OpenAsync(record, page, ct);
            var scale = s_zooms.Contains(zoom ?? 100) ? zoom ?? 100 : 100;
            return layout.Render(http, $"{CaseFacts.Title(record)} · 盖章页", Render(record, number, page, image, scale));
        });
    }

    /// <summary>The page as an SVG: the image (when kept), each seal's box with its block, confidence and the date read.</summary>
    public static void AppendFigure(StringBuilder html, CaseRecord record, int number, PageInfo page, PageImage? image, bool large)
    {
        // The boxes' own space: the image the OCR read (a PDF page at its raster dpi), which the kept page image (rendered
        // at its own dpi) is stretched onto, so a box sits on its seal whatever size the kept image has.
        var (width, height) = page is { Width: int w and > 0, Height: int h and > 0 } ? (w, h) : image?.Size ?? BoxesExtent(page);
        html.Append("<svg role=\"img\" aria-label=\"").Append(Html.E(page.File)).Append(" 第").Append(page.Page)
            .Append("页\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\">");
        if (image is not null)
        {
            html.Append("<image href=\"/api/cases/").Append(Html.Url(record.SubmissionId)).Append("/pages/").Append(number)
                .Append("/image\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" preserveAspectRatio=\"none\"/>");
        }

        foreach (var seal in page.Seals.Where(s => s.Box.Length == 4))
        {
            var block = seal.Block switch { "recommender" => "推荐单位", "applicant" => "申报单位", _ => "公章" };
            var date = seal.Block switch
            {
                "recommender" => record.Stamps?.Recommender.Date,
                "applicant" => record.Stamps?.Applicant.Date,
                _ => null,
            };
            var labelY = Math.Max(40, seal.Box[1] - 8);
            html.Append("<rect class=\"seal\" data-block=\"").Append(Html.E(seal.Block)).Append("\" x=\"").Append(seal.Box[0])
                .Append("\" y=\"").Append(seal.Box[1]).Append("\" width=\"").Append(seal.Box[2]).Append("\" height=\"").Append(seal.Box[3])
                .Append("\"/><text class=\"seal-label\" x=\"").Append(seal.Box[0]).Append("\" y=\"").Append(labelY).Append("\">")
                .Append(block).Append("公章 ").Append(seal.Confidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("</text>");
            if (large || date is not null)
            {
                html.Append("<text class=\"seal-date\" data-block=\"").Append(Html.E(seal.Block)).Append("\" x=\"").Append(seal.Box[0])
                    .Append("\" y=\"").Append(seal.Box[1] + seal.Box[3] + 44).Append("\">日期：").Append(Html.E(date ?? "未读出")).Append("</text>");
            }
        }

        html.Append("</svg>");
    }

    // Without the image, draw the boxes on a page as large as they need (A4-shaped at least).
    private static (int Width, int Height) BoxesExtent(PageInfo page)
    {
        var boxes = page.Seals.Where(s => s.Box.Length == 4).ToList();
        var width = Math.Max(1240, boxes.Select(b => b.Box[0] + b.Box[2]).DefaultIfEmpty(0).Max() + 40);
        var height = Math.Max(width * 297 / 210, boxes.Select(b => b.Box[1] + b.Box[3]).DefaultIfEmpty(0).Max() + 80);
        return (width, height);
    }

    private static string Render(CaseRecord record, int number, PageInfo page, PageImage? image, int zoom)
    {
        var id = Html.Url(record.SubmissionId);
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.E(CaseFacts.Title(record))).Append("</h1><section class=\"card\" id=\"page-view\"><h2>盖章页：")
            .Append(Html.E(page.File)).Append(" 第").Append(page.Page).Append("页</h2><p class=\"zoom\">缩放：");
        foreach (var z in s_zooms)
        {
            html.Append(z == zoom ? $"<b aria-current=\"true\">{z}%</b>" : $"<a href=\"/cases/{id}/pages/{number}?zoom={z}\">{z}%</a>").Append(' ');
        }

        if (image is not null)
        {
            html.Append(" · <a id=\"original\" href=\"/api/cases/").Append(id).Append("/pages/").Append(number).Append("/image\">打开原图</a>");
        }

        html.Append(" · <a id=\"back\" href=\"/cases/").Append(id).Append("#stamps\">返回案例</a></p>");
        if (image is null)
        {
            html.Append("<p class=\"error\" id=\"no-image\">这一页没有保存图像（在保存页面图像之前受理的申报包）：只能显示公章的位置。重新处理申报包后即可查看。</p>");
        }

        html.Append("<div class=\"page-full zoom-").Append(zoom).Append("\">");
        AppendFigure(html, record, number, page, image, large: true);
        html.Append("</div>");
        if (record.Stamps is { } stamps)
        {
            html.Append("<table class=\"stamps\"><thead><tr><th></th><th>公章</th><th>日期</th><th>印章单位</th></tr></thead><tbody>");
            foreach (var (label, block) in new[] { ("申报单位", stamps.Applicant), ("推荐单位", stamps.Recommender) })
            {
                html.Append("<tr><td>").Append(label).Append("</td><td>").Append(block.Present ? "有" : "<span class=\"sev-error\">无</span>")
                    .Append("</td><td>").Append(Html.E(block.Date ?? "未读出")).Append("</td><td>").Append(Html.E(block.Organization)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        return html.ToString();
    }
}
