// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Cli;
using Tessera.Configuration;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Health;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Logging;
using Tessera.Persistence;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Logout;
using Tessera.SelfService.Flows.Registration;
using Tessera.Sessions;
using Tessera.Ui.ErrorPages;
using Tessera.Ui.Pages;

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
        builder.Services.AddErrors(config);
        builder.Services.AddIdentities(config);
        builder.Services.AddSessions(config, serve);
        builder.Services.AddSelfServiceFlows(config, serve);
        builder.Services.AddLoginFlow();
        builder.Services.AddRegistrationFlow(config);
        builder.Services.AddCourier(config);

        testServices?.Invoke(builder.Services);
        var app = builder.Build();

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseErrors();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRouting();
        app.UseMiddleware<SurfaceGuardMiddleware>();

        app.MapHealthEndpoints();
        app.MapErrorEndpoints();
        app.MapErrorPages();
        app.MapSelfServicePages();
        app.MapIdentityEndpoints();
        app.MapSessionEndpoints();
        app.MapAdminSessionEndpoints();
        app.MapLoginEndpoints();
        app.MapRegistrationEndpoints();
        app.MapLogoutEndpoints();
        app.MapCourierEndpoints();
        return app;
    }
}
