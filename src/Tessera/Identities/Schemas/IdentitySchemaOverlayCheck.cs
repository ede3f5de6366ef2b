// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Projects.Overlays;

namespace Tessera.Identities.Schemas;

/// <summary>
/// A project's <c>identity.schemas</c> are loaded when its overlay is written (as the file's are at start), so a schema
/// that does not load, is not an identity schema, or names a file or URL a project may not use never reaches a request.
/// </summary>
internal sealed class IdentitySchemaOverlayCheck(IdentitySchemaRegistry registry) : IProjectOverlayCheck
{
    public async Task CheckAsync(ConfigurationTree merged, CancellationToken cancellationToken) =>
        await registry.LoadAsync(IdentityOptions.Bind(merged), cancellationToken);
}
