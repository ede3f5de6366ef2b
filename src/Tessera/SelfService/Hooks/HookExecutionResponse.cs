// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>One execution log row as <c>GET /admin/hooks/executions</c> lists it.</summary>
internal sealed record HookExecutionResponse(
    Guid Id,
    Guid? FlowId,
    Guid? IdentityId,
    string Point,
    int HookIndex,
    string Url,
    int? StatusCode,
    long LatencyMs,
    int Attempts,
    string Outcome,
    string? Error,
    DateTimeOffset CreatedAt)
{
    public static HookExecutionResponse From(HookExecution e) =>
        new(e.Id, e.FlowId, e.IdentityId, e.Point, e.HookIndex, e.Url, e.StatusCode, e.LatencyMs, e.Attempts, e.Outcome, e.Error, e.CreatedAt);
}
