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

    public string? Active { get; init; }

    public bool Refresh { get; init; }

    public string RequestedAal { get; init; } = "aal1";

    public JsonObject InternalContext { get; init; } = [];

    /// <summary>
    /// The identity as the flow shows it (settings flows), loaded for each answer and never stored, so a fetched
    /// flow always shows the identity as it is now.
    /// </summary>
    public IdentityResponse? Identity { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
