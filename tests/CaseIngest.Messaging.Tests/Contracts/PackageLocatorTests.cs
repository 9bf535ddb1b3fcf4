using CaseIngest.Messaging.Configuration;
using CaseIngest.Messaging.Packages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseIngest.Messaging.Tests.Contracts;

public sealed class PackageLocatorTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("caseingest-locator-");
    private readonly PackageLocator _locator;

    public PackageLocatorTests()
    {
        Directory.CreateDirectory(Inbox);
        File.WriteAllText(Path.Combine(Inbox, "P1.zip"), "zip");
        Directory.CreateDirectory(Path.Combine(Inbox, "day", "P2"));
        File.WriteAllText(Path.Combine(_temp.Path, "secret.zip"), "outside");
        // Only .NET's HTTP client factory, which the locator is handed: no composition of ours to start.
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _locator = new PackageLocator(Options.Create(new InboxOptions { Path = Inbox }), Options.Create(new RabbitMqOptions()),
            services.GetRequiredService<IHttpClientFactory>());
    }

    private string Inbox => Path.Combine(_temp.Path, "inbox");

    [Theory]
    [InlineData("P1.zip")]
    [InlineData("day/P2")]
    public async Task LocateAsync_PathRelativeToInbox_ResolvesInsideIt(string uri)
    {
        using var package = await _locator.LocateAsync(uri, CancellationToken.None);

        Assert.Equal(Path.Combine(Inbox, uri), package.Path);
    }

    [Fact]
    public async Task LocateAsync_AbsolutePathAndFileUriInsideInbox_Resolve()
    {
        var absolute = Path.Combine(Inbox, "P1.zip");

        using var byPath = await _locator.LocateAsync(absolute, CancellationToken.None);
        using var byUri = await _locator.LocateAsync(new Uri(absolute).AbsoluteUri, CancellationToken.None);

        Assert.Equal(absolute, byPath.Path);
        Assert.Equal(absolute, byUri.Path);
    }

    [Theory]
    [InlineData("../secret.zip")]
    [InlineData("/etc/passwd")]
    [InlineData("file:///etc/passwd")]
    [InlineData("day/../../secret.zip")]
    [InlineData("ftp://example.org/P1.zip")]
    public async Task LocateAsync_OutsideInboxOrUnsupportedScheme_Refuses(string uri)
    {
        await Assert.ThrowsAsync<PackageRefusedException>(() => _locator.LocateAsync(uri, CancellationToken.None));
    }

    [Fact]
    public async Task LocateAsync_SymlinkInInboxPointingOutside_Refuses()
    {
        File.CreateSymbolicLink(Path.Combine(Inbox, "link.zip"), Path.Combine(_temp.Path, "secret.zip"));

        await Assert.ThrowsAsync<PackageRefusedException>(() => _locator.LocateAsync("link.zip", CancellationToken.None));
    }

    [Fact]
    public async Task LocateAsync_MissingPackageInsideInbox_IsRetryable()
    {
        var error = await Assert.ThrowsAsync<PackageUnavailableException>(() => _locator.LocateAsync("P9.zip", CancellationToken.None));

        Assert.Contains("P9.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocateAsync_HttpServerRefusesConnection_IsRetryable()
    {
        // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
        await Assert.ThrowsAsync<PackageUnavailableException>(() => _locator.LocateAsync("http://127.0.0.1:9/P1.zip", CancellationToken.None));
    }

    public void Dispose() => _temp.Dispose();
}
