// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.Errors.NotImplemented;

/// <summary>
/// Maps each of Kratos's operations Tessera lacks (<see cref="KratosOperationNotImplemented.All"/>) to 501
/// <c>feature_not_implemented</c> naming the feature, on the listener Kratos serves it on. Mapped last in order, so
/// an endpoint that implements one of them wins over its placeholder.
/// </summary>
internal static class NotImplementedEndpoints
{
    /// <summary>Larger than every real endpoint's order (0): the placeholder loses to any real match.</summary>
    private const int PlaceholderOrder = 1_000;

    public static IEndpointRouteBuilder MapNotImplementedKratosOperations(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        var publicApi = endpoints.MapPublicApi();
        foreach (var operation in KratosOperationNotImplemented.All)
        {
            var error = ErrorCatalog.FeatureNotImplemented.With(new Dictionary<string, object?> { ["feature"] = operation.Feature });
            (operation.IsAdmin ? admin : publicApi)
                .MapMethods(operation.Path, [operation.Method], () => new ErrorResult(error))
                .WithMetadata(operation)
                .WithOrder(PlaceholderOrder);
        }

        return endpoints;
    }
}
