using System.Net;
using System.Text;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>A request as it left the client.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Query, string? ContentType, string? Body,
    string? Authorization);

/// <summary>A stand-in for the Elasticsearch server (none can run here): records every request and answers from a script.</summary>
internal sealed class RecordingHandler(Func<RecordedRequest, (HttpStatusCode Status, string? Body)> answer) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")).ToList();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), query,
            request.Content?.Headers.ContentType?.MediaType, body, request.Headers.Authorization?.ToString());
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        var (status, text) = answer(recorded);
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (text is not null)
        {
            response.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        }

        return response;
    }
}
