// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting;

/// <summary>Endpoint metadata naming the listeners an endpoint answers on.</summary>
internal sealed record SurfaceMetadata(Surface Surfaces);
