using System.IO.Compression;
using System.Text;

namespace CaseIngest.Search.Tests.Elasticsearch;

/// <summary>A request as it left the client (its body un-gzipped).</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Query, string? ContentType, string? Accept,
    string? ContentEncoding, string? Body, string? Authorization, Uri Node);

/// <summary>Wraps the official client's own <see cref="HttpMessageHandler"/> (through its request invoker) and records
/// every request it sends, then sends it on unchanged.</summary>
internal sealed class CapturingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")).ToList();
        string? body = null;
        var encoding = request.Content?.Headers.ContentEncoding.FirstOrDefault();
        if (request.Content is not null)
        {
            // Buffers the content: the inner handler then sends the same bytes.
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            body = encoding == "gzip" ? Gunzip(bytes) : Encoding.UTF8.GetString(bytes);
        }

        var recorded = new RecordedRequest(request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), query,
            request.Content?.Headers.ContentType?.ToString(), request.Headers.Accept.ToString(), encoding, body,
            request.Headers.Authorization?.ToString(), new Uri(uri.GetLeftPart(UriPartial.Authority)));
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
