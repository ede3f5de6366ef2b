// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>What a preset fills in (see <see cref="OidcPresets"/>); null means "the operator must say".</summary>
internal sealed record OidcPreset(
    string? IssuerUrl, string? AuthUrl, string? TokenUrl, string? UserInfoUrl, IReadOnlyList<string> Scope, string? Label);
