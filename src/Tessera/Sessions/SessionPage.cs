// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Sessions;

/// <summary>A page of sessions; <see cref="Next"/> is where the next page starts, null on the last page.</summary>
internal sealed record SessionPage(IReadOnlyList<Session> Items, CreatedAtPosition? Next);
