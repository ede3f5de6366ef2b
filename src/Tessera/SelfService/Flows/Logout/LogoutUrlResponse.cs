// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Logout;

/// <summary>Kratos's <c>logoutFlow</c>: the URL a browser opens to log out, and its token.</summary>
internal sealed record LogoutUrlResponse(string LogoutUrl, string LogoutToken);
