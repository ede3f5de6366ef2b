// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>One row of the execution log (seed D2): one web hook call, its answer and what it meant.</summary>
internal sealed record HookExecution(
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
    public const int MaxErrorLength = 500;
}
