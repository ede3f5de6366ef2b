// SPDX-License-Identifier: Apache-2.0
using Tessera.Security.Cipher;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// Seals private keys for the database (<see cref="AtRestCipher"/>): with the secrets cipher (<c>secrets.cipher</c>)
/// when it has keys; otherwise with a key derived from the server secret, tagged <c>oauth2-derived:</c>.
/// </summary>
internal sealed class SigningKeyProtector(SecretCipher cipher, ServerSecrets secrets)
{
    private readonly AtRestCipher _cipher = new(cipher, secrets, new SecretPurpose("tessera/oauth2-signing-keys/v1"), "oauth2-derived:");

    public string Seal(byte[] pkcs8) => _cipher.Seal(pkcs8);

    public byte[]? Open(string sealedText) => _cipher.Open(sealedText);
}
