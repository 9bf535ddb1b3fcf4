using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using CaseIngest.Search.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>A request to Elasticsearch's REST API.</summary>
internal sealed record ElasticsearchRequest(HttpMethod Method, string Path, string? Body = null, string ContentType = ElasticsearchClient.Json)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];
}

/// <summary>An answer: its status, and its JSON body when it has one.</summary>
internal sealed record ElasticsearchResponse(HttpStatusCode Status, JsonElement? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>Elasticsearch answered with an error the caller cannot recover from.</summary>
public sealed class ElasticsearchException(string message) : Exception(message);

/// <summary>A small typed client over <see cref="HttpClient"/> for Elasticsearch's REST API (the official .NET client is
/// not served here). One for the process, as Elastic advises for its own client: it pools the connections. Requests
/// answered 429 or 5xx are retried with exponential backoff (or the server's Retry-After).</summary>
public sealed class ElasticsearchClient
{
    internal const string Json = "application/json";
    internal const string NdJson = "application/x-ndjson";
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly ElasticsearchOptions _options;
    private readonly ILogger<ElasticsearchClient> _logger;
    private readonly TimeProvider _time;

    public ElasticsearchClient(HttpClient http, IOptions<SearchOptions> options, ILogger<ElasticsearchClient> logger, TimeProvider? time = null)
    {
        _http = http;
        _options = options.Value.Elasticsearch;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _http.BaseAddress ??= _options.Url;
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", _options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(_options.Username))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Username + ":" + _options.Password));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
    }

    /// <summary>The handler for the configured TLS: the system's trust, or the given CA (Elasticsearch's own
    /// self-signed CA, as a secured single node generates on first start).</summary>
    public static HttpMessageHandler CreateHandler(ElasticsearchOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var authority = X509Certificate2.CreateFromPemFile(options.CaCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                IsTrustedBy(authority, certificate as X509Certificate2, errors);
        }

        return handler;
    }

    /// <summary>Whether the server's certificate is valid, chaining to <paramref name="authority"/> when the system's
    /// trust store does not know it. A name mismatch is never accepted.</summary>
    public static bool IsTrustedBy(X509Certificate2 authority, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    internal async Task<ElasticsearchResponse> SendAsync(ElasticsearchRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = new HttpRequestMessage(request.Method, WithQuery(request.Path, request.Query));
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
            }

            using var response = await _http.SendAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            if ((status == 429 || status >= 500) && attempt < _options.MaxRetries)
            {
                var delay = response.Headers.RetryAfter?.Delta ?? s_firstBackoff * Math.Pow(2, attempt);
                _logger.ElasticsearchRetry(status, request.Method.Method, request.Path, attempt + 1, delay);
                await Task.Delay(delay, _time, cancellationToken);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement? body = null;
            if (text.Length > 0 && text[0] is '{' or '[')
            {
                using var document = JsonDocument.Parse(text);
                body = document.RootElement.Clone();
            }

            return new ElasticsearchResponse(response.StatusCode, body);
        }
    }

    /// <summary>Sends and throws <see cref="ElasticsearchException"/> unless the answer is a success (or an allowed status).</summary>
    internal async Task<ElasticsearchResponse> SendCheckedAsync(ElasticsearchRequest request, CancellationToken cancellationToken,
        params HttpStatusCode[] allowed)
    {
        var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccess || allowed.Contains(response.Status))
        {
            return response;
        }

        var reason = response.Body is { } body && body.TryGetProperty("error", out var error) ? error.ToString() : "(no body)";
        throw new ElasticsearchException(
            $"Elasticsearch at {_options.Url} answered {(int)response.Status} to {request.Method} {request.Path}: {reason}");
    }

    private static string WithQuery(string path, IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}
