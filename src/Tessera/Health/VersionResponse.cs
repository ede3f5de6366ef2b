// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Health;

internal sealed record VersionResponse(string Version);
