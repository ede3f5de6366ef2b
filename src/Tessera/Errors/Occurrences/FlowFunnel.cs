// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// One flow kind's funnel over a window: how many flows were created, submitted, succeeded and failed at least once
/// (distinct flows), and the failures by the error id or UI message id they failed with (every failed submission).
/// </summary>
internal sealed record FlowFunnel(string FlowKind, long Created, long Submitted, long Succeeded, long Failed, IReadOnlyList<FunnelFailure> Failures);
