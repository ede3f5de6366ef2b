// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>How <typeparamref name="T"/> is bound, and its value from the file/env configuration (bound once at start).</summary>
internal sealed class ProjectOptionsBinder<T>(Func<ConfigurationTree, T> bind, T deploymentValue) : IProjectOptionsBinder
    where T : class
{
    public T DeploymentValue { get; } = deploymentValue;

    public T Bind(ConfigurationTree config) => bind(config);

    public void Validate(ConfigurationTree config) => bind(config);
}
