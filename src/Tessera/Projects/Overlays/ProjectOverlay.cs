// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Projects.Overlays;

/// <summary>
/// A project's configuration overlay: keys in the configuration files' own layout set on top of the file/env
/// configuration for that project only, and the version each successful change increments (1 after the first).
/// </summary>
internal sealed record ProjectOverlay(Guid ProjectId, JsonObject Values, long Version);
