// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Projects.Workspaces;

/// <summary>
/// A workspace: a named group of projects, managed and limited together. <see cref="RateLimits"/> is its aggregate
/// limits in the configuration's layout (<c>{"buckets": {"&lt;name&gt;": {"limit": N, "window": "1m"}}}</c>), null when none.
/// </summary>
internal sealed record Workspace(Guid Id, string Name, DateTimeOffset CreatedAt, JsonObject? RateLimits = null);
