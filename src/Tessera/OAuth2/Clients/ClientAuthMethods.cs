// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Clients;

/// <summary>The <c>token_endpoint_auth_method</c> values Tessera supports (OpenID Connect Registration section 2).</summary>
internal static class ClientAuthMethods
{
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [ClientSecretBasic, ClientSecretPost, PrivateKeyJwt, None];

    public static bool UsesSecret(string method) => method is ClientSecretBasic or ClientSecretPost;
}
