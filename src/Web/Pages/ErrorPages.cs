using CaseIngest.Web.Auth;
using CaseIngest.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseIngest.Web.Pages;

/// <summary>Error answers people read: a Chinese page with what happened, what was (not) saved and a way back, for every
/// status a page request can end in without a body of its own (a mistyped address, a form posted twice from a stale
/// tab, a bad page number, too many requests, a failure). API requests get the same words as problem details.</summary>
internal static class ErrorPages
{
    public static void UseChineseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = context => WriteAsync(context, context.Response.StatusCode),
        });
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
    }

    /// <summary>The heading and the explanation of a status.</summary>
    public static (string Title, string Text) Words(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("请求有误", "地址中的参数无法识别（例如页码不是数字）。请返回上一页重新操作。"),
        StatusCodes.Status401Unauthorized => ("请先登录", "登录已过期或尚未登录。"),
        StatusCodes.Status403Forbidden => ("无权访问", "您的角色不能查看或修改这一内容。"),
        StatusCodes.Status404NotFound => ("页面不存在", "没有这个地址：可能输入有误，或链接已失效。"),
        StatusCodes.Status405MethodNotAllowed => ("无法这样打开", "这个地址只接受表单提交，不能直接在地址栏打开或刷新。您的内容没有因此改变。"),
        StatusCodes.Status409Conflict => ("修改冲突", "别人刚刚修改了这个案例。请刷新后查看最新内容再修改。"),
        StatusCodes.Status413PayloadTooLarge => ("内容过大", "提交的内容超过了允许的大小。"),
        StatusCodes.Status415UnsupportedMediaType => ("无法处理的提交", "提交的格式不被接受。请从页面上的表单提交。"),
        StatusCodes.Status429TooManyRequests => ("操作过于频繁", "短时间内的请求太多，请稍候一分钟再试。"),
        >= 500 => ("系统出错", "服务器处理时出错，已记录日志。您刚才的操作可能没有保存，请返回后刷新查看；如反复出现，请联系管理员。"),
        _ => ("无法完成请求", $"服务器答复 {status}。"),
    };

    private static Task WriteAsync(HttpContext http, int status)
    {
        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var (title, text) = Words(status);
        if (AuthServiceCollectionExtensions.IsApiRequest(http.Request))
        {
            return Results.Problem(statusCode: status, title: title, detail: text).ExecuteAsync(http);
        }

        var back = ReturnUrls.Referer(http.Request) ?? "/search";
        var html = $"<section class=\"card error-page\" id=\"error\" data-status=\"{status}\"><h1>{Html.E(title)}</h1>"
            + $"<p>{Html.E(text)}</p><p class=\"meta\">错误代码 {status}</p>"
            + $"<p><a id=\"back\" href=\"{Html.E(back)}\">返回上一页</a> · <a href=\"/search\">案例检索</a></p></section>";
        return http.RequestServices.GetRequiredService<PageLayout>().Render(http, title, html, status).ExecuteAsync(http);
    }
}
