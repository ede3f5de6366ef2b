// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tessera.Localization;
using Tessera.Security.Csrf;
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

    /// <summary>Login flows (Kratos writes them on login flows only).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Keys Kratos writes as null on some kinds only: <c>organization_id</c> on login, registration and settings flows
    /// (Tessera has no organizations). Extension data is written as is, nulls included.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object?>? KindNullFields { get; init; }

    public string? RequestedAal { get; init; }

    public object? Identity { get; init; }

    /// <summary>Settings flows: what may follow a save (Kratos's <c>continue_with</c>), kept in the internal context.</summary>
    public JsonNode? ContinueWith { get; init; }

    /// <summary>The internal-context key where a flow keeps its <c>continue_with</c> items.</summary>
    public const string ContinueWithKey = "continue_with";

    /// <summary>The flow's form with its CSRF token masked afresh (every response shows a different value).</summary>
    public static UiContainer MaskedUi(Flow flow) =>
        flow.Type == FlowType.Browser ? flow.Ui.WithValue(CsrfProtection.FieldName, CsrfTokenMask.Mask) : flow.Ui;

    private static Dictionary<string, object?> KindFields(Flow flow) => flow.SessionTokenExchangeCode is { } code
        ? new() { ["organization_id"] = null, ["session_token_exchange_code"] = code }
        : new() { ["organization_id"] = null };

    public static FlowResponse From(Flow flow) => new(
        flow.Id,
        FlowNames.Of(flow.Type),
        flow.ExpiresAt,
        flow.IssuedAt,
        flow.RequestUrl,
        flow.ReturnTo,
        flow.Active,
        FlowLanguage.Translate(MaskedUi(flow), FlowLanguage.Of(flow)),
        flow.State)
    {
        Refresh = flow.Kind == FlowKind.Login ? flow.Refresh : null,
        CreatedAt = flow.Kind == FlowKind.Login ? flow.CreatedAt ?? flow.IssuedAt : null,
        UpdatedAt = flow.Kind == FlowKind.Login ? flow.UpdatedAt ?? flow.CreatedAt ?? flow.IssuedAt : null,
        KindNullFields = flow.Kind is FlowKind.Login or FlowKind.Registration or FlowKind.Settings ? KindFields(flow) : null,
        RequestedAal = flow.Kind == FlowKind.Login ? flow.RequestedAal : null,
        Identity = flow.Identity,
        ContinueWith = flow.Kind == FlowKind.Settings ? flow.InternalContext[ContinueWithKey]?.DeepClone() ?? new JsonArray() : null,
    };
}
