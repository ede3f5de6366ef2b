// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.QueryParameters;

/// <summary>Endpoint metadata: this endpoint reads empty query values itself (see <see cref="EmptyQueryParametersMiddleware"/>).</summary>
internal sealed class KeepEmptyQueryParametersMetadata
{
    public static KeepEmptyQueryParametersMetadata Instance { get; } = new();

    private KeepEmptyQueryParametersMetadata()
    {
    }
}
