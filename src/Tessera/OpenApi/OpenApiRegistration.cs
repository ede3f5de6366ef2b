// SPDX-License-Identifier: Apache-2.0
using Microsoft.OpenApi;
using Tessera.Errors.NotImplemented;
using Tessera.Hosting;

namespace Tessera.OpenApi;

/// <summary>
/// The OpenAPI document of Tessera's own API, public and admin together, generated from the endpoints by
/// Microsoft.AspNetCore.OpenApi and served at ASP.NET Core's default <c>/openapi/v1.json</c> on both listeners. It
/// carries no <c>servers</c> (they differ per listener and deployment), so the copy checked in as docs/openapi.json
/// is the same everywhere. The 501 placeholders of Kratos's operations Tessera lacks are left out.
/// </summary>
internal static class OpenApiRegistration
{
    public const string DocumentName = "v1";

    // A fixed path rather than ASP.NET Core's /openapi/{documentName}.json: there is one document, and another name
    // then falls to the catalog's 404 instead of the OpenAPI handler's bare one.
    internal const string DocumentPath = "/openapi/" + DocumentName + ".json";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                !description.ActionDescriptor.EndpointMetadata.OfType<KratosOperationNotImplemented>().Any();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Tessera",
                    Version = typeof(OpenApiRegistration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                    Description = "Tessera's public and admin API: Ory Kratos's API, Hydra's OAuth2 and Keto's permission paths, and what Tessera adds. Errors: docs/errors.md.",
                };
                document.Servers = [];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary><c>GET /openapi/v1.json</c> on both listeners.</summary>
    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBothApis().MapOpenApi(DocumentPath).WithName("GetOpenApiDocument");
        return endpoints;
    }
}
