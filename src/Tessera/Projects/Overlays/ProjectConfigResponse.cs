// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Projects.Overlays;

/// <summary>A project's overlay as stored, its version (also the <c>ETag</c>; 0 before the first change) and the keys it sets that nothing reads.</summary>
internal sealed record ProjectConfigResponse(Guid ProjectId, long Version, JsonObject Overlay, IReadOnlyList<string> Warnings);
