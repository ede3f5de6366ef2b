// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Tessera.Persistence;

namespace Tessera.Projects.Overlays;

/// <summary>
/// Keeps <see cref="ProjectOverlaySnapshot"/> at most <see cref="Bound"/> old: the first request after the bound reads
/// every overlay in one query (requests meanwhile keep using the current snapshot, so none waits behind it). A PATCH on
/// this node refreshes at once; another node sees it within <see cref="Bound"/>, the project host cache's bound. The
/// snapshot holds the overlays with their secrets opened (<see cref="ProjectOverlaySecrets"/>), ready to bind.
/// </summary>
internal sealed partial class ProjectOverlayRefresher(
    ProjectOverlayStore store, ProjectOverlaySecrets secrets, ProjectOverlaySnapshot snapshot, NetworkContext network, TimeProvider clock,
    ILogger<ProjectOverlayRefresher> logger)
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _dueTicks = long.MinValue;

    public async ValueTask RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _dueTicks) || !await _reading.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await ReadAsync(cancellationToken);
        }
        catch (DbException e)
        {
            // The database away: requests go on with the overlays last read (a project's stricter settings stay in
            // force), and whatever the request needs from the database answers for itself (readiness: 503
            // storage_unavailable). The next read is tried after the bound, not on every request.
            LogRefreshFailed(logger, e);
            Interlocked.Exchange(ref _dueTicks, (clock.GetUtcNow() + Bound).UtcTicks);
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Reads now (after a write on this node), waiting for a read already running.</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            await ReadAsync(cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        snapshot.Replace(network.DefaultId, (await store.ListAsync(cancellationToken)).Select(Opened).ToList());
        Interlocked.Exchange(ref _dueTicks, (now + Bound).UtcTicks);
    }

    private ProjectOverlay Opened(ProjectOverlay overlay)
    {
        var (values, unreadable) = secrets.Open(overlay.Values);
        if (unreadable is not null)
        {
            // Fails closed: the sealed text stands in for the secret, so a provider or web hook refuses it; one project's
            // unreadable secret never keeps the other projects' overlays from being read.
            LogSecretUnreadable(logger, overlay.ProjectId, unreadable);
        }

        return overlay with { Values = values };
    }

    [LoggerMessage(EventId = 1091, Level = LogLevel.Warning,
        Message = "Project {ProjectId}: the overlay's {Key} was sealed under a key no longer configured (secrets.cipher, or the server secret) and cannot be used; set it again")]
    private static partial void LogSecretUnreadable(ILogger logger, Guid projectId, string key);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Warning, Message = "Reading the projects' configuration overlays failed; the overlays last read stay in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
