// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// What a flow remembers between sending the browser to a provider and its return, in the flow's internal context
/// (never sent to clients): the provider, the SHA-256 of the <c>state</c> sent, the PKCE verifier and the nonce.
/// The state is the flow id and 32 random bytes (<c>{flow}.{random}</c>), so the callback finds the flow; the same
/// state is kept in an HttpOnly cookie, so the callback also proves it is the browser that started (RFC 6749 §10.12).
/// </summary>
internal sealed record OidcSignInState(string Provider, string StateHash, string Verifier, string Nonce)
{
    private const string Key = "oidc";

    public static (OidcSignInState Remembered, string State) Start(Guid flowId, string provider)
    {
        var state = $"{flowId:N}.{Random()}";
        return (new OidcSignInState(provider, Hash(state), Random(), Random()), state);
    }

    /// <summary>The PKCE challenge of <see cref="Verifier"/> (RFC 7636 §4.2, S256).</summary>
    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public static Guid? FlowIdOf(string state) =>
        state.Split('.') is [var id, _] && Guid.TryParseExact(id, "N", out var flowId) ? flowId : null;

    public bool Matches(string state) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(StateHash), Encoding.ASCII.GetBytes(Hash(state)));

    public static OidcSignInState? Of(Flow flow) => flow.InternalContext[Key] is JsonObject saved
        && saved["provider"]?.ToString() is { } provider && saved["state_hash"]?.ToString() is { } hash
        && saved["verifier"]?.ToString() is { } verifier && saved["nonce"]?.ToString() is { } nonce
            ? new OidcSignInState(provider, hash, verifier, nonce)
            : null;

    public void SaveTo(Flow flow) => flow.InternalContext[Key] = new JsonObject
    {
        ["provider"] = Provider, ["state_hash"] = StateHash, ["verifier"] = Verifier, ["nonce"] = Nonce,
    };

    public static void RemoveFrom(Flow flow) => flow.InternalContext.Remove(Key);

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string state) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
