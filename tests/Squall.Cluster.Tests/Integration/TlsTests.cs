using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Squall.Cluster.Client;
using Squall.Cluster.Configuration;

namespace Squall.Cluster.Tests.Integration;

/// <summary>Nimbus serves its API over HTTPS when given a certificate; clients trust exactly the configured CA.</summary>
[Trait("Category", "Integration")]
public sealed class TlsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-tls-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_api_is_served_over_https_and_clients_trust_only_the_configured_ca()
    {
        var (cert, key) = WriteSelfSigned("127.0.0.1");
        await using var nimbus = await InProcessNimbus.StartAsync(o => o with { Tls = new ApiTls { CertificatePath = cert, KeyPath = key } });
        var seeds = new[] { $"127.0.0.1:{nimbus.Port}" };

        using (var trusting = new NimbusClient(new ClientOptions { Seeds = seeds, Token = InProcessNimbus.Token, Tls = new ApiTls { CaPath = cert } }))
        {
            (await trusting.ListAsync(CancellationToken.None)).Topologies.ShouldBeEmpty();
        }

        using (var systemTrust = new NimbusClient(new ClientOptions { Seeds = seeds, Token = InProcessNimbus.Token, Tls = new ApiTls { CaPath = null, CertificatePath = cert, KeyPath = key } }))
        {
            // Speaks HTTPS but trusts the system store only, which does not hold the self-signed certificate.
            (await Should.ThrowAsync<ClusterClientException>(() => systemTrust.ListAsync(CancellationToken.None))).Message.ShouldContain("Cannot find the leader");
        }

        var (otherCert, _) = WriteSelfSigned("127.0.0.1");
        using (var wrongCa = new NimbusClient(new ClientOptions { Seeds = seeds, Token = InProcessNimbus.Token, Tls = new ApiTls { CaPath = otherCert } }))
        {
            await Should.ThrowAsync<ClusterClientException>(() => wrongCa.ListAsync(CancellationToken.None));
        }

        using var plain = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync(new Uri($"http://127.0.0.1:{nimbus.Port}/api/v1/nimbus/summary")));
    }

    [Fact]
    public async Task A_certificate_for_another_host_is_refused_even_when_it_is_trusted()
    {
        var (cert, key) = WriteSelfSigned("10.9.8.7");
        await using var nimbus = await InProcessNimbus.StartAsync(o => o with { Tls = new ApiTls { CertificatePath = cert, KeyPath = key } });

        using var client = new NimbusClient(new ClientOptions { Seeds = [$"127.0.0.1:{nimbus.Port}"], Tls = new ApiTls { CaPath = cert } });

        await Should.ThrowAsync<ClusterClientException>(() => client.ListAsync(CancellationToken.None));
    }

    /// <summary>A self-signed certificate for <paramref name="ip"/> (PEM certificate and key files).</summary>
    private (string Cert, string Key) WriteSelfSigned(string ip)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={ip}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(ip));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var name = Guid.NewGuid().ToString("N");
        var certPath = Path.Combine(_dir, name + ".crt.pem");
        var keyPath = Path.Combine(_dir, name + ".key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
