// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Keys;

/// <summary>Hydra's names for the provider's own key sets.</summary>
internal static class KeySets
{
    /// <summary>Signs ID tokens (and everything OpenIddict itself signs).</summary>
    public const string IdToken = "hydra.openid.id-token";

    /// <summary>Signs JWT access tokens.</summary>
    public const string AccessToken = "hydra.jwt.access-token";

    public static readonly IReadOnlyList<string> Published = [IdToken, AccessToken];
}
