// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// One step of a self-service flow for the funnel: <see cref="FunnelSteps.Created"/>, <see cref="FunnelSteps.Submitted"/>,
/// <see cref="FunnelSteps.Succeeded"/> or <see cref="FunnelSteps.Failed"/> with the error id or UI message id it failed with.
/// </summary>
internal sealed record FunnelStep(DateTimeOffset OccurredAt, string FlowKind, Guid FlowId, string Step, string? ErrorId) : OccurrenceRecord(OccurredAt);
