// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>
/// One options record that may differ per project. An overlay is accepted only when every registered binder binds
/// from the base configuration with the overlay merged on top (the files' own validation, so the same errors).
/// </summary>
internal interface IProjectOptionsBinder
{
    /// <summary>Binds from <paramref name="config"/>, throwing <see cref="ConfigurationException"/> as start-up would.</summary>
    void Validate(ConfigurationTree config);
}
