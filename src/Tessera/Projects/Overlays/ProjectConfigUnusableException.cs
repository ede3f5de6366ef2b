// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Errors;

namespace Tessera.Projects.Overlays;

/// <summary>
/// A stored overlay that no longer binds (<see cref="ProjectOptions{T}"/>): thrown where the options are read, answered
/// by the exception handler with <see cref="Error"/> (<c>project_config_unusable</c>) rather than the generic 500.
/// </summary>
internal sealed class ProjectConfigUnusableException(Guid projectId, long version, ConfigurationException cause)
    : Exception($"the configuration overlay of project {projectId} (version {version}) no longer binds: {cause.Message}", cause)
{
    public Guid ProjectId { get; } = projectId;

    public long Version { get; } = version;

    public string KeyPath { get; } = cause.KeyPath;

    // The answer reaches end users: it names the version only; the key and the problem (which may quote a path or a
    // value of the file) go to the operator's log (UnusableOverlayLog).
    public TesseraError Error { get; } = ErrorCatalog.ProjectConfigUnusable.With(new Dictionary<string, object?> { ["version"] = version });
}
