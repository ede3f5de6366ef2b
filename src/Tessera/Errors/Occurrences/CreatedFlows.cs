// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// How many flows of one kind were created in one minute for one project (null: the default project): a row of
/// <c>flow_funnel_created</c>, added to what the minute already holds.
/// </summary>
internal sealed record CreatedFlows(Guid? ProjectId, string FlowKind, DateTimeOffset Minute, long Flows);
