using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (the keys sign every cookie and anti-forgery
/// token): <c>DataProtection__CertificatePath</c> (a PKCS #12 file with its private key) and
/// <c>DataProtection__CertificatePassword</c>. Every web node is given the same file. Without it the keys are stored as
/// they are, and a warning says so at start outside Development.
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";

    public static X509Certificate2? Load(IConfiguration config)
    {
        var path = config[PathKey];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path))
            throw new InvalidOperationException($"DataProtection__CertificatePath '{path}' does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"DataProtection__CertificatePath '{path}' could not be read as a PKCS #12 file with DataProtection__CertificatePassword: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"DataProtection__CertificatePath '{path}' holds no private key: the keys could not be read back.");
        return certificate;
    }
}
