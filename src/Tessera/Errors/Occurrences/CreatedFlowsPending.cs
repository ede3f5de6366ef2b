// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// A wake-up in the recorder's buffer: created flows were counted since the writer last took the counts
/// (<see cref="OccurrenceRecorder.DrainCreated"/>). It carries nothing itself and is never stored.
/// </summary>
internal sealed record CreatedFlowsPending(DateTimeOffset OccurredAt) : OccurrenceRecord(OccurredAt);
