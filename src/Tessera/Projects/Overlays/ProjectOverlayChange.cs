// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Projects.Overlays;

/// <summary>
/// A merge patch applied to a project's overlay: read, merge, validate, and one conditional write naming the version
/// read. Without an expected version a racing write is retried on the fresh overlay (a few times); with one (If-Match)
/// it is refused, so a client never overwrites a change it did not see. Secrets are sealed before they are merged, so the
/// overlay is stored sealed, validated opened, and answered redacted (<see cref="ProjectOverlaySecrets"/>).
/// </summary>
internal sealed class ProjectOverlayChange(
    ProjectOverlayStore store, ProjectOverlayValidator validator, ProjectOverlaySecrets secrets, ProjectOverlayRefresher refresher)
{
    private const int Attempts = 5;

    public async Task<Result<ProjectConfigResponse>> ApplyAsync(Guid projectId, JsonObject patch, long? expectedVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.GetAsync(projectId, cancellationToken);
            if (expectedVersion is { } expected && expected != current.Version)
            {
                return Mismatch(current.Version, expected);
            }

            var sealedPatch = secrets.Seal(patch, current.Values);
            if (!sealedPatch.Succeeded)
            {
                return sealedPatch.Error;
            }

            var next = JsonMergePatch.Apply(current.Values, sealedPatch.Value);
            var (opened, unreadable) = secrets.Open(next);
            if (unreadable is not null)
            {
                return ProjectOverlayValidator.Invalid(unreadable, "was sealed under a key no longer configured (secrets.cipher, or the server secret): send the secret again");
            }

            var warnings = await validator.ValidateAsync(opened, cancellationToken);
            if (!warnings.Succeeded)
            {
                return warnings.Error;
            }

            if (await store.ReplaceAsync(projectId, next, current.Version, cancellationToken))
            {
                await refresher.RefreshNowAsync(cancellationToken);
                return new ProjectConfigResponse(projectId, current.Version + 1, ProjectOverlaySecrets.Redact(next), warnings.Value);
            }
        }

        var latest = await store.GetAsync(projectId, cancellationToken);
        return Mismatch(latest.Version, expectedVersion ?? latest.Version - 1);
    }

    private static TesseraError Mismatch(long current, long expected) =>
        ErrorCatalog.ProjectConfigVersionMismatch.With(new Dictionary<string, object?> { ["current"] = current, ["expected"] = expected });
}
