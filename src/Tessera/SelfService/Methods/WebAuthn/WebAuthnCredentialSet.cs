// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The configuration of an identity's <c>passkey</c> or <c>webauthn</c> credential (Kratos's
/// <c>CredentialsWebAuthnConfig</c>): its authenticators and the WebAuthn user handle they were registered under.
/// </summary>
internal sealed record WebAuthnCredentialSet(byte[] UserHandle, IReadOnlyList<WebAuthnCredential> Credentials)
{
    public static WebAuthnCredentialSet Empty { get; } = new([], []);

    /// <summary>
    /// The user handle as the credential's identifier. Handles are made of lower-case hex characters
    /// (<see cref="WebAuthnUserHandles"/>), so the handle's bytes read as text survive identifier normalisation.
    /// </summary>
    public string Identifier => Encoding.ASCII.GetString(UserHandle);

    public static WebAuthnCredentialSet From(JsonObject? config)
    {
        if (config is null)
        {
            return Empty;
        }

        var handle = config["user_handle"] is JsonValue value && value.TryGetValue<string>(out var text) && TryBase64(text) is { } bytes ? bytes : [];
        var credentials = (config["credentials"] as JsonArray ?? []).Select(WebAuthnCredential.FromJson).OfType<WebAuthnCredential>().ToList();
        return new WebAuthnCredentialSet(handle, credentials);
    }

    public WebAuthnCredential? Find(byte[] id) => Credentials.FirstOrDefault(c => c.Id.AsSpan().SequenceEqual(id));

    public WebAuthnCredentialSet With(WebAuthnCredential credential) => this with { Credentials = [.. Credentials, credential] };

    public WebAuthnCredentialSet Without(string hexId) => this with { Credentials = Credentials.Where(c => c.HexId != hexId).ToList() };

    public WebAuthnCredentialSet Replace(WebAuthnCredential credential) =>
        this with { Credentials = Credentials.Select(c => c.Id.AsSpan().SequenceEqual(credential.Id) ? credential : c).ToList() };

    public JsonObject ToConfig() => new()
    {
        ["credentials"] = new JsonArray(Credentials.Select(c => (JsonNode)c.ToJson()).ToArray()),
        ["user_handle"] = Convert.ToBase64String(UserHandle),
    };

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
