// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>What waits in the recorder's buffer for the background writer: an <see cref="ErrorOccurrence"/> or a <see cref="FunnelStep"/>.</summary>
internal abstract record OccurrenceRecord(DateTimeOffset OccurredAt);
