// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Flows;

/// <summary>The <c>selfservice_flows</c> columns as Dapper reads and writes them.</summary>
internal sealed class FlowRow
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowOutOfOrderMetadataProperties = true,
    };

    public Guid Id { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string State { get; init; } = string.Empty;

    public string RequestUrl { get; init; } = string.Empty;

    public string? ReturnTo { get; init; }

    public string Ui { get; init; } = "{}";

    public string CsrfToken { get; init; } = string.Empty;

    public Guid? IdentityId { get; init; }

    public string? ActiveMethod { get; init; }

    public bool Refresh { get; init; }

    public string RequestedAal { get; init; } = "aal1";

    public string InternalContext { get; init; } = "{}";

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static object Parameters(Flow flow, Guid nid, DateTimeOffset now) => new
    {
        flow.Id,
        Nid = nid,
        Kind = FlowNames.Of(flow.Kind),
        Type = FlowNames.Of(flow.Type),
        flow.State,
        flow.RequestUrl,
        flow.ReturnTo,
        Ui = JsonSerializer.Serialize(flow.Ui, Json),
        flow.CsrfToken,
        flow.IdentityId,
        ActiveMethod = flow.Active,
        flow.Refresh,
        flow.RequestedAal,
        InternalContext = flow.InternalContext.ToJsonString(),
        flow.IssuedAt,
        flow.ExpiresAt,
        flow.Version,
        Now = now,
    };

    public Flow ToFlow() => new(
        Id,
        FlowNames.ParseKind(Kind),
        FlowNames.ParseType(Type),
        State,
        RequestUrl,
        ReturnTo,
        IssuedAt,
        ExpiresAt,
        JsonSerializer.Deserialize<UiContainer>(Ui, Json)!,
        CsrfToken)
    {
        IdentityId = IdentityId,
        Active = ActiveMethod,
        Refresh = Refresh,
        RequestedAal = RequestedAal,
        InternalContext = JsonNode.Parse(InternalContext)?.AsObject() ?? [],
        Version = Version,
        StoredState = State,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
