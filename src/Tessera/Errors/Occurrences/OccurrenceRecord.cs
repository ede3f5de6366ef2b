// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Errors.Occurrences;

/// <summary>What waits in the recorder's buffer for the background writer: an <see cref="ErrorOccurrence"/> or a <see cref="FunnelStep"/>.</summary>
internal abstract record OccurrenceRecord(DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The project of the request that caused it (taken when the record is made, on the request's flow; null for the
    /// default project): the writer runs outside requests and stores each record under its own project.
    /// </summary>
    public Guid? ProjectId { get; init; } = NetworkContext.EnteredId;
}
