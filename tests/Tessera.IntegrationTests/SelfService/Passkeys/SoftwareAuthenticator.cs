// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// An authenticator in the test process, for what Chromium's virtual authenticator cannot do (it always verifies the
/// user): one ES256 credential of its own, registered with a <c>none</c> attestation (CBOR attestationObject whose
/// authData holds SHA-256 of the relying party id, the flags, the counter and the attested credential data with the COSE
/// EC2 key), and assertions (authenticatorData, signature over authData || SHA-256(clientDataJSON)) with the user
/// verification flag set or not. Answers are the JSON webauthn.js puts into passkey_register and passkey_login.
/// </summary>
internal sealed class SoftwareAuthenticator(string origin, string rpId) : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(32);
    private byte[] _userHandle = [];
    private uint _signCount;

    /// <summary>navigator.credentials.create for the creation options' <c>publicKey</c>: the attestation JSON.</summary>
    public string Create(JsonElement publicKey)
    {
        _userHandle = Base64Url.DecodeFromChars(publicKey.GetProperty("user").GetProperty("id").GetString());
        var clientData = ClientData("webauthn.create", publicKey);
        var authData = AuthData((byte)(UserPresent | UserVerified | AttestedCredentialData), AttestedCredential());

        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();

        return JsonSerializer.Serialize(new
        {
            id = Base64Url.EncodeToString(_credentialId),
            rawId = Base64Url.EncodeToString(_credentialId),
            type = "public-key",
            response = new { attestationObject = Base64Url.EncodeToString(attestation.Encode()), clientDataJSON = Base64Url.EncodeToString(clientData) },
        });
    }

    /// <summary>navigator.credentials.get for the request options' <c>publicKey</c>, with or without user verification: the assertion JSON.</summary>
    public string Assert(JsonElement publicKey, bool verifyUser)
    {
        var clientData = ClientData("webauthn.get", publicKey);
        var authData = AuthData(verifyUser ? (byte)(UserPresent | UserVerified) : UserPresent, []);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return JsonSerializer.Serialize(new
        {
            id = Base64Url.EncodeToString(_credentialId),
            rawId = Base64Url.EncodeToString(_credentialId),
            type = "public-key",
            response = new
            {
                authenticatorData = Base64Url.EncodeToString(authData),
                clientDataJSON = Base64Url.EncodeToString(clientData),
                signature = Base64Url.EncodeToString(signature),
                userHandle = Base64Url.EncodeToString(_userHandle),
            },
        });
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, JsonElement publicKey) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        type,
        challenge = publicKey.GetProperty("challenge").GetString(),
        origin,
        crossOrigin = false,
    }));

    // rpIdHash (32) || flags (1) || signCount (4, big-endian) || attested credential data (registration only).
    private byte[] AuthData(byte flags, byte[] attested)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, ++_signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. count, .. attested];
    }

    // AAGUID (16 zero bytes for none) || credential id length (2, big-endian) || credential id || COSE_Key.
    private byte[] AttestedCredential()
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)_credentialId.Length);
        var point = _key.ExportParameters(includePrivateParameters: false).Q;

        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); // kty: EC2
        cose.WriteInt32(2);
        cose.WriteInt32(3); // alg: ES256
        cose.WriteInt32(-7);
        cose.WriteInt32(-1); // crv: P-256
        cose.WriteInt32(1);
        cose.WriteInt32(-2); // x
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); // y
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();

        return [.. new byte[16], .. length, .. _credentialId, .. cose.Encode()];
    }
}
