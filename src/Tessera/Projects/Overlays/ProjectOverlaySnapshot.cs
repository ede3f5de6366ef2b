// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Projects.Overlays;

/// <summary>
/// This node's copy of every project's overlay, replaced whole by <see cref="ProjectOverlayRefresher"/>. Empty (the
/// single-project case, and before storage is read) means every project reads the file/env configuration as is, so
/// <see cref="ProjectOptions{T}"/> costs one field read there.
/// </summary>
internal sealed class ProjectOverlaySnapshot
{
    private volatile State _state = new(Guid.Empty, new Dictionary<Guid, ProjectOverlay>());

    public bool IsEmpty => _state.Overlays.Count == 0;

    /// <summary>The overlay of the ambient project (<see cref="NetworkContext.EnteredId"/>, else the default), if it has one.</summary>
    public ProjectOverlay? Current()
    {
        var state = _state;
        if (state.Overlays.Count == 0)
        {
            return null;
        }

        return state.Overlays.GetValueOrDefault(NetworkContext.EnteredId ?? state.DefaultProjectId);
    }

    public ProjectOverlay? Find(Guid projectId) => _state.Overlays.GetValueOrDefault(projectId);

    public void Replace(Guid defaultProjectId, IEnumerable<ProjectOverlay> overlays) =>
        _state = new State(defaultProjectId, overlays.Where(o => o.Values.Count > 0).ToDictionary(o => o.ProjectId));

    private sealed record State(Guid DefaultProjectId, IReadOnlyDictionary<Guid, ProjectOverlay> Overlays);
}
