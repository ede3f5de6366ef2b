// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities.Admin;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Flows;

/// <summary>
/// One self-service flow of any kind, as stored. Each kind's slice maps it to Kratos's JSON for that kind.
/// <see cref="InternalContext"/> holds what a kind needs between steps and is never sent to clients.
/// </summary>
internal sealed record Flow(
    Guid Id,
    FlowKind Kind,
    FlowType Type,
    string State,
    string RequestUrl,
    string? ReturnTo,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    UiContainer Ui,
    string CsrfToken)
{
    public Guid? IdentityId { get; init; }

    /// <summary>When the row was written first and last; null until the flow has been read back from the store.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Active { get; init; }

    public bool Refresh { get; init; }

    public string RequestedAal { get; init; } = "aal1";

    public JsonObject InternalContext { get; init; } = [];

    /// <summary>
    /// Kratos's <c>dangerous_skip_csrf_check</c>: set on flows an administrator created for a user (an admin recovery
    /// code), which no browser's CSRF cookie can be bound to; the code they carry is the secret instead.
    /// </summary>
    public bool DangerousSkipCsrfCheck => InternalContext["dangerous_skip_csrf_check"]?.GetValue<bool>() == true;

    /// <summary>
    /// The identity as the flow shows it (settings flows), loaded for each answer and never stored, so a fetched
    /// flow always shows the identity as it is now.
    /// </summary>
    public IdentityResponse? Identity { get; init; }

    /// <summary>
    /// The row version this flow was read at (0 for a flow not stored yet): <see cref="FlowStore.SaveAsync"/> writes only
    /// over that version, so concurrent submissions of one flow cannot overwrite each other unseen.
    /// </summary>
    public int Version { get; init; }

    /// <summary>The state as stored when this flow was read: what a save that lost a race compares the stored flow with.</summary>
    public string? StoredState { get; init; }

    /// <summary>
    /// Kratos's <c>session_token_exchange_code</c>: set only on the answer that creates a native flow with
    /// <c>return_session_token_exchange_code=true</c>, never stored (the store keeps its hash).
    /// </summary>
    public string? SessionTokenExchangeCode { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
