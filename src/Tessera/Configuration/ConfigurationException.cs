// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration;

/// <summary>A configuration value that cannot be used. Start-up prints it as one line and exits with 1.</summary>
internal sealed class ConfigurationException(string keyPath, string problem) : Exception($"{keyPath}: {problem}")
{
    public string KeyPath { get; } = keyPath;

    public string Problem { get; } = problem;
}
