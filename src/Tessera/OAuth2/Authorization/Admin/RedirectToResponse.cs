// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>Hydra's <c>oAuth2RedirectTo</c>: where the login, consent or logout app sends the browser next.</summary>
internal sealed record RedirectToResponse(string RedirectTo);
