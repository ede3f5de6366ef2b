// SPDX-License-Identifier: Apache-2.0
using Tessera.RateLimiting;

namespace Tessera.Projects.Workspaces;

/// <summary>The aggregate limits of a project's workspace: only the buckets the workspace sets.</summary>
internal sealed record WorkspaceLimits(Guid WorkspaceId, IReadOnlyDictionary<string, RateLimitBucket> Buckets);
