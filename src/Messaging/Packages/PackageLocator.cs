using CaseIngest.Messaging.Configuration;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Packages;

/// <summary>Turns a message's <c>packageUri</c> into a local path the pipeline can read: a path or <c>file://</c>
/// URI must lie inside the inbox (a message must not make a worker read arbitrary files); an <c>http(s)://</c> URL is
/// downloaded into a temporary file that is deleted when the package is disposed.</summary>
public sealed class PackageLocator(IOptions<InboxOptions> inbox, IOptions<RabbitMqOptions> rabbit, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "caseingest-packages";

    public async Task<LocatedPackage> LocateAsync(string packageUri, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(packageUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return await DownloadAsync(uri, cancellationToken);
        }

        string path;
        if (packageUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(packageUri, UriKind.Absolute, out var fileUri) || !fileUri.IsFile)
            {
                throw new PackageRefusedException($"packageUri '{packageUri}' is not a valid file:// URI");
            }

            path = fileUri.LocalPath;
        }
        else if (uri is not null && !Path.IsPathRooted(packageUri))
        {
            throw new PackageRefusedException($"packageUri scheme '{uri.Scheme}' is not supported (path, file:// or http(s)://)");
        }
        else
        {
            path = packageUri;
        }

        var inboxPath = inbox.Value.FullPath;
        var full = Path.GetFullPath(path, inboxPath);
        if (!full.StartsWith(inboxPath, StringComparison.Ordinal) || IsLinkOutsideInbox(full, inboxPath))
        {
            throw new PackageRefusedException($"packageUri '{packageUri}' is outside the inbox {inboxPath}");
        }

        if (!File.Exists(full) && !Directory.Exists(full))
        {
            // Retryable: on a shared inbox the copy may not be visible on this machine yet.
            throw new PackageUnavailableException($"package {full} does not exist");
        }

        return new LocatedPackage(full, temporaryFile: null);
    }

    private static bool IsLinkOutsideInbox(string full, string inboxPath)
    {
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is not null && !Path.GetFullPath(target.FullName).StartsWith(inboxPath, StringComparison.Ordinal);
    }

    private async Task<LocatedPackage> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        var limit = rabbit.Value.MaxDownloadBytes;
        var temporary = Path.Combine(Path.GetTempPath(), $"caseingest-{Guid.NewGuid():N}.zip");
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
            {
                throw new PackageRefusedException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PackageUnavailableException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                throw new PackageRefusedException($"GET {uri}: {response.Content.Headers.ContentLength} bytes is over the limit of {limit}");
            }

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = File.Create(temporary);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new PackageRefusedException($"GET {uri}: the body is over the limit of {limit} bytes");
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return new LocatedPackage(temporary, temporary);
        }
        catch (HttpRequestException ex)
        {
            File.Delete(temporary);
            throw new PackageUnavailableException($"GET {uri} failed: {ex.Message}", ex);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

/// <summary>A package on local disk; disposing deletes it when it was downloaded.</summary>
public sealed class LocatedPackage(string path, string? temporaryFile) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (temporaryFile is not null)
        {
            File.Delete(temporaryFile);
        }
    }
}

/// <summary>The package reference can never work (outside the inbox, bad scheme, refused by the server): dead-letter.</summary>
public sealed class PackageRefusedException(string message) : Exception(message);

/// <summary>The package cannot be read now but may be later (not there yet, server down): retry.</summary>
public sealed class PackageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
