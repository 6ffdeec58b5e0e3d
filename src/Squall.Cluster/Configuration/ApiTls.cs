using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Squall.Cluster.Configuration;

/// <summary>
/// HTTPS for Nimbus's API. A Nimbus with <c>squall.api.tls.cert</c> and <c>squall.api.tls.key</c> (PEM files)
/// serves HTTPS only; clients (CLI, supervisors, other Nimbus processes) speak HTTPS when either that
/// certificate or <c>squall.api.tls.ca</c> is configured, and with <c>squall.api.tls.ca</c> they trust exactly
/// the certificates it holds (a private CA or a self-signed certificate) instead of the system's store.
/// </summary>
internal sealed record ApiTls
{
    public string? CertificatePath { get; init; }

    public string? KeyPath { get; init; }

    public string? CaPath { get; init; }

    public static ApiTls None { get; } = new();

    /// <summary>True when Nimbus serves HTTPS.</summary>
    public bool Serves => CertificatePath is not null;

    /// <summary>True when clients call Nimbus over HTTPS.</summary>
    public bool Enabled => CertificatePath is not null || CaPath is not null;

    public string Scheme => Enabled ? "https" : "http";

    public static ApiTls FromConfig(Config conf) => new()
    {
        CertificatePath = conf.GetString(ClusterKeys.ApiTlsCert),
        KeyPath = conf.GetString(ClusterKeys.ApiTlsKey),
        CaPath = conf.GetString(ClusterKeys.ApiTlsCa),
    };

    public IEnumerable<string> Validate()
    {
        if ((CertificatePath is null) != (KeyPath is null))
        {
            yield return $"{ClusterKeys.ApiTlsCert} and {ClusterKeys.ApiTlsKey} go together: set both (PEM files) to serve HTTPS, or neither.";
        }

        foreach (var (key, path) in new[] { (ClusterKeys.ApiTlsCert, CertificatePath), (ClusterKeys.ApiTlsKey, KeyPath), (ClusterKeys.ApiTlsCa, CaPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                yield return $"{key}: no file at '{path}'.";
            }
        }
    }

    public X509Certificate2 LoadServerCertificate() => X509Certificate2.CreateFromPemFile(CertificatePath!, KeyPath);

    /// <summary>An HTTP client for Nimbus's API: HTTPS trusting <see cref="CaPath"/> when set, the bearer <paramref name="token"/> on every call.</summary>
    public HttpClient CreateClient(TimeSpan timeout, string? token)
    {
        var handler = new SocketsHttpHandler();
        if (CaPath is not null)
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(CaPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusts(trusted, certificate, errors);
        }

        var client = new HttpClient(handler) { Timeout = timeout };
        if (token is { Length: > 0 })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>The server's certificate chains to one of <paramref name="trusted"/> and names the host called (no other check is relaxed).</summary>
    private static bool Trusts(X509Certificate2Collection trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
