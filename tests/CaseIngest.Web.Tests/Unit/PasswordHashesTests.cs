using CaseIngest.Web.Auth;

namespace CaseIngest.Web.Tests.Unit;

public sealed class PasswordHashesTests
{
    [Fact]
    public void Verify_SamePassword_IsTrue()
    {
        var hash = PasswordHashes.Hash("正确的密码-1", iterations: 1000);

        Assert.True(PasswordHashes.Verify("正确的密码-1", hash));
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OtherPassword_IsFalse()
    {
        var hash = PasswordHashes.Hash("correct-horse", iterations: 1000);

        Assert.False(PasswordHashes.Verify("correct-horsE", hash));
    }

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSalts()
    {
        Assert.NotEqual(PasswordHashes.Hash("same-password", 1000), PasswordHashes.Hash("same-password", 1000));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("md5$1000$AAAA$AAAA")]
    public void Verify_MalformedStoredHash_IsFalse(string? stored)
    {
        Assert.False(PasswordHashes.IsWellFormed(stored));
        Assert.False(PasswordHashes.Verify("anything", stored));
    }
}
