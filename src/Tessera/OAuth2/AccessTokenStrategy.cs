// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2;

/// <summary>Hydra's <c>strategies.access_token</c> and a client's <c>access_token_strategy</c>.</summary>
internal enum AccessTokenStrategy
{
    /// <summary>A random token with Tessera's prefix, looked up (introspection) by its keyed hash.</summary>
    Opaque,

    /// <summary>A JWT signed with the current key of the <c>hydra.jwt.access-token</c> set (RFC 9068 shape).</summary>
    Jwt,
}
