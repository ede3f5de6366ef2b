// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Errors.Containers;
using Tessera.Errors.NotImplemented;
using Tessera.Errors.Occurrences;
using Tessera.Errors.Rendering;
using Tessera.Persistence.Cleanup;

namespace Tessera.Errors;

internal static class ErrorsRegistration
{
    public static IServiceCollection AddErrors(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(ErrorOptions.Bind(config));
        services.AddErrorMetrics();
        services.AddSingleton<ErrorDocumentationLinks>();
        services.AddSingleton<ErrorBodyFactory>();
        services.AddSingleton<ErrorUiRedirector>();
        services.AddSingleton<ErrorResponseWriter>();
        services.AddErrorOccurrences(config);
        services.AddSingleton<ErrorContainerStore>();
        services.AddSingleton<ErrorContainerReader>();
        services.AddCleanupTask<ErrorContainerStore>("error containers", (store, _, ct) => store.DeleteExpiredAsync(ct));
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// The per-id error and UI message counters, the one registration of <see cref="ErrorMetrics"/>: part of
    /// <see cref="AddErrors"/>, and called on its own by hosts that run a part of the server without its HTTP error
    /// handling (<c>tessera courier watch</c>, whose courier counts failures by their catalog ids).
    /// </summary>
    public static IServiceCollection AddErrorMetrics(this IServiceCollection services)
    {
        services.AddSingleton<ErrorMetrics>();
        return services;
    }

    /// <summary>
    /// Exceptions become catalog errors; bare error statuses produced without a body (routing's 404 and 405,
    /// parameter binding's 400, 413 and 415) become the matching catalog errors.
    /// </summary>
    public static WebApplication UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            TesseraError? error = http.Response.StatusCode switch
            {
                400 => RequestErrors.Malformed("the request parameters or body could not be read"),
                404 => ErrorCatalog.NotFound,
                405 => ErrorCatalog.MethodNotAllowed,
                413 => RequestErrors.PayloadTooLarge(http.RequestServices.GetRequiredService<ServeOptions>().RequestBodyLimit),
                415 => RequestErrors.UnsupportedMediaType(http.Request.ContentType, ["application/json"]),
                _ => null,
            };
            if (error is not null)
            {
                await http.RequestServices.GetRequiredService<ErrorResponseWriter>().WriteAsync(http, error);
            }
        });
        return app;
    }

    /// <summary>Error containers, and 501 <c>feature_not_implemented</c> for Kratos's operations Tessera lacks.</summary>
    public static IEndpointRouteBuilder MapErrorEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapErrorContainerEndpoints().MapNotImplementedKratosOperations();
}
