// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>How often an id was met in a window, within a group (a flow kind, an endpoint; null when not grouped).</summary>
internal sealed record OccurrenceCount(string? Group, string Kind, string Code, long Count);
