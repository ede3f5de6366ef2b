// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;

namespace Tessera.OperatorConsole.Errors;

/// <summary>What the dashboard page shows for one window, read by <see cref="OccurrenceQueries"/>.</summary>
internal sealed record ErrorDashboardData(
    long[] Series, IReadOnlyList<OccurrenceCount> Counts, IReadOnlyList<OccurrenceCount> ByFlow, IReadOnlyList<OccurrenceCount> ByEndpoint,
    IReadOnlyList<FlowFunnel> Funnel);
