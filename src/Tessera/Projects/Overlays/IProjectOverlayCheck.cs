// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>
/// A check of a merged configuration beyond binding, for what binding cannot see: loading what a key points at (an
/// identity schema), so that a value that would fail on a request is refused when the overlay is written instead.
/// </summary>
internal interface IProjectOverlayCheck
{
    /// <summary>Throws <see cref="ConfigurationException"/> naming the key, as start-up would.</summary>
    Task CheckAsync(ConfigurationTree merged, CancellationToken cancellationToken);
}
