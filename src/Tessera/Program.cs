// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Cli;
using Tessera.Configuration;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Health;
using Tessera.Hosting;
using Tessera.Logging;
using Tessera.Persistence;
using Tessera.Sessions;

namespace Tessera;

/// <summary>The table of contents: what the server is made of, in the order the pipeline runs it.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => TesseraCommandLine.InvokeAsync(args);

    internal static WebApplication BuildApplication(ConfigurationTree config, Action<IServiceCollection>? testServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        var serve = ServeOptions.Bind(config);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(serve);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.AddTesseraLogging(config);
        builder.AddTesseraListeners(serve);
        builder.Services.AddPersistence(config);
        builder.Services.AddErrors();
        builder.Services.AddSessions(config, serve);
        builder.Services.AddCourier(config);

        testServices?.Invoke(builder.Services);
        var app = builder.Build();

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseErrors();
        app.UseRouting();
        app.UseMiddleware<SurfaceGuardMiddleware>();

        app.MapHealthEndpoints();
        app.MapSessionEndpoints();
        app.MapAdminSessionEndpoints();
        app.MapCourierEndpoints();
        return app;
    }
}
