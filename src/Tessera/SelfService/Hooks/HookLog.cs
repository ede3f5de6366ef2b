// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>
/// The per-call log lines Kratos's operators search for (seed D2): <c>hook_executed</c> for a call whose answer
/// let the flow go on, <c>hook_failed</c> otherwise. The URL is logged without credentials or query.
/// </summary>
internal static partial class HookLog
{
    [LoggerMessage(EventId = 1200, EventName = "hook_executed", Level = LogLevel.Information,
        Message = "hook_executed {Point}[{HookIndex}] {Url} status={StatusCode} attempts={Attempts} latency_ms={LatencyMs} outcome={Outcome} flow={FlowId}")]
    public static partial void Executed(ILogger logger, string point, int hookIndex, string url, int? statusCode, int attempts, long latencyMs, string outcome, Guid? flowId);

    [LoggerMessage(EventId = 1201, EventName = "hook_failed", Level = LogLevel.Warning,
        Message = "hook_failed {Point}[{HookIndex}] {Url} status={StatusCode} attempts={Attempts} latency_ms={LatencyMs} outcome={Outcome} flow={FlowId} error={Error}")]
    public static partial void Failed(ILogger logger, string point, int hookIndex, string url, int? statusCode, int attempts, long latencyMs, string outcome, Guid? flowId, string? error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "The hook execution of {Point}[{HookIndex}] could not be recorded")]
    public static partial void NotRecorded(ILogger logger, string point, int hookIndex, Exception exception);
}
