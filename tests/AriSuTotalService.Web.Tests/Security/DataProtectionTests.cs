using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>The app with a key-ring certificate of its own (a PKCS #12 file made for the test).</summary>
public sealed class CertificateFactory : ArisuFactory
{
    public const string Password = "key-ring-pass-2026";

    public string CertificatePath { get; }

    public CertificateFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AriSuTotalService key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        CertificatePath = Path.Combine(DataFolder, "keyring.pfx");
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = Password,
    };
}

public class DataProtectionTests(CertificateFactory factory) : IClassFixture<CertificateFactory>
{
    [Fact]
    public async Task With_a_certificate_the_key_ring_is_encrypted_at_rest_and_sign_in_still_works()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync("/Complaints")).StatusCode);
        var keys = factory.With(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToList());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}

public class KeyRingWithoutCertificateTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Without_a_certificate_the_key_is_stored_as_it_is()
    {
        // The contrast that shows the test above can fail: the same sign-in stores the master key readable.
        await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var keys = factory.With(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToList());
        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }
}
