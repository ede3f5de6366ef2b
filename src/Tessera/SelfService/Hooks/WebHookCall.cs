// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>
/// What one web hook call came to after its retries: the last status (null when no answer arrived), the body
/// of that answer (bounded), how many attempts and how long, and whether the budget ran out or the target was
/// unreachable.
/// </summary>
internal sealed record WebHookCall(int? StatusCode, string? Body, int Attempts, TimeSpan Latency, bool TimedOut, string? TransportError)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
