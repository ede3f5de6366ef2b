// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration;

/// <summary>A configuration value that was accepted but changed or is worth a warning, with the key it concerns.</summary>
internal sealed record ConfigurationNotice(string KeyPath, string Message);
