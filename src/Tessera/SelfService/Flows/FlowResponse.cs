// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Kratos's flow JSON (<c>loginFlow</c>, <c>registrationFlow</c>, ...): the fields all kinds share, plus the
/// kind-specific ones, left out (null) where a kind has none.
/// </summary>
internal sealed record FlowResponse(
    Guid Id,
    string Type,
    DateTimeOffset ExpiresAt,
    DateTimeOffset IssuedAt,
    string RequestUrl,
    string? ReturnTo,
    string? Active,
    UiContainer Ui,
    string State)
{
    public bool? Refresh { get; init; }

    public string? RequestedAal { get; init; }

    public object? Identity { get; init; }

    public static FlowResponse From(Flow flow) => new(
        flow.Id,
        FlowNames.Of(flow.Type),
        flow.ExpiresAt,
        flow.IssuedAt,
        flow.RequestUrl,
        flow.ReturnTo,
        flow.Active,
        flow.Ui,
        flow.State)
    {
        Refresh = flow.Kind == FlowKind.Login ? flow.Refresh : null,
        RequestedAal = flow.Kind == FlowKind.Login ? flow.RequestedAal : null,
    };
}
