using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CaseIngest.Search.Elasticsearch;

/// <summary>Trusting a cluster whose certificate is signed by its own CA (as a secured node generates on first start).
/// Ours, not the client's <c>CertificateFingerprint</c>/CA options: those accept a certificate whose names do not match
/// the node's address, and this check never does.</summary>
public static class ElasticsearchCertificateTrust
{
    /// <summary>The validation callback for the configured CA file.</summary>
    public static Func<object, X509Certificate?, X509Chain?, SslPolicyErrors, bool> Callback(string caCertificatePath)
    {
        var authority = X509Certificate2.CreateFromPemFile(caCertificatePath);
        return (_, certificate, _, errors) => IsTrustedBy(authority, certificate as X509Certificate2, errors);
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
}
