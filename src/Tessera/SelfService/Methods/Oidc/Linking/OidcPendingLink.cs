// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// Kratos's "sign in and link": the provider account a login flow links once the user proves the existing identity
/// that uses the provider's verified e-mail. Kept in the login flow's internal context (never sent to clients), with
/// the identity it may be linked to and its <c>providers[]</c> entry (tokens sealed).
/// </summary>
internal sealed record OidcPendingLink(Guid IdentityId, JsonObject Entry)
{
    private const string Key = "oidc_link";

    public static OidcPendingLink? Of(Flow flow) =>
        flow.InternalContext[Key] is JsonObject saved && Guid.TryParse(saved["identity_id"]?.ToString(), out var id) && saved["entry"] is JsonObject entry
            ? new OidcPendingLink(id, (JsonObject)entry.DeepClone())
            : null;

    public void SaveTo(Flow flow) => flow.InternalContext[Key] = new JsonObject
    {
        ["identity_id"] = IdentityId.ToString(),
        ["entry"] = Entry.DeepClone(),
    };
}
