// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.Projects.Overlays;

/// <summary>Logs an overlay that no longer binds once per (project, version), whichever options record found it.</summary>
internal sealed partial class UnusableOverlayLog(ILogger<UnusableOverlayLog> logger)
{
    private readonly ConcurrentDictionary<(Guid ProjectId, long Version), byte> _logged = new();

    public void Report(ProjectConfigUnusableException unusable)
    {
        if (_logged.TryAdd((unusable.ProjectId, unusable.Version), 0))
        {
            LogUnusable(logger, unusable.ProjectId, unusable.Version, unusable.KeyPath, unusable.InnerException!.Message);
        }
    }

    [LoggerMessage(EventId = 1095, Level = LogLevel.Error,
        Message = "The configuration overlay of project {ProjectId} (version {Version}) no longer binds at {KeyPath} ({Problem}); its requests answer project_config_unusable until PATCH /admin/projects/{{id}}/config fixes or removes the key")]
    private static partial void LogUnusable(ILogger logger, Guid projectId, long version, string keyPath, string problem);
}
