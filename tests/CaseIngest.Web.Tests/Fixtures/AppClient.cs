using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CaseIngest.Web.Tests.Fixtures;

/// <summary>An HttpClient with its own cookies that does not follow redirects, so tests see 302s to the sign-in page.</summary>
public sealed partial class AppClient : IDisposable
{
    private readonly HttpClient _http;

    public AppClient(Uri baseAddress, string? localAddress = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (localAddress is not null)
        {
            var local = IPAddress.Parse(localAddress);
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public HttpClient Http => _http;

    public CookieContainer Cookies { get; } = new();

    /// <summary>The Cookie header this client sends, as an attacker who copied it would.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(_http.BaseAddress!);

    public async Task<HttpResponseMessage> SignInAsync(string user, string password)
    {
        var token = await FormTokenAsync("/login");
        return await _http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The anti-forgery token of the form on a page.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        return FormToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery field on {path}");
    }

    /// <summary>The token for the X-CSRF-TOKEN header, from /api/session.</summary>
    public async Task<string> ApiTokenAsync()
    {
        var session = await _http.GetFromJsonAsync<Session>("/api/session");
        return session!.AntiforgeryToken;
    }

    /// <summary>A change through the API with the anti-forgery header (or without it, to test the refusal).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", await ApiTokenAsync());
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private sealed record Session(string Name, string Role, bool SeesContacts, string AntiforgeryHeader, string AntiforgeryToken);
}
