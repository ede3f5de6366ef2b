// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

internal static class ErrorsRegistration
{
    public static IServiceCollection AddErrors(this IServiceCollection services)
    {
        services.AddSingleton<ErrorResponseWriter>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Exceptions become the catalog's 500; bare 404/405 from routing become catalog errors.</summary>
    public static WebApplication UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var error = http.Response.StatusCode switch
            {
                404 => ErrorCatalog.NotFound,
                405 => ErrorCatalog.MethodNotAllowed,
                _ => null,
            };
            if (error is not null)
            {
                await http.RequestServices.GetRequiredService<ErrorResponseWriter>().WriteAsync(http, error);
            }
        });
        return app;
    }
}
