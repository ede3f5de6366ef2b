// SPDX-License-Identifier: Apache-2.0
using Tessera.Cli;
using Tessera.Configuration;
using Tessera.OperatorConsole;
using Tessera.OperatorConsole.Errors;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Health;
using Tessera.Hosting;
using Tessera.Hosting.Cors;
using Tessera.Hosting.Json;
using Tessera.Hosting.Outbound;
using Tessera.Hosting.QueryParameters;
using Tessera.Identities;
using Tessera.Logging;
using Tessera.OAuth2;
using Tessera.OAuth2.Authorization;
using Tessera.OAuth2.AccountEvents;
using Tessera.OAuth2.TokenHooks;
using Tessera.Observability;
using Tessera.OpenApi;
using Tessera.Permissions;
using Tessera.Persistence;
using Tessera.Projects;
using Tessera.Projects.Overlays;
using Tessera.RateLimiting;
using Tessera.Security.Secrets;
using Tessera.Security.ApiKeys;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Logout;
using Tessera.SelfService.Flows.Recovery;
using Tessera.SelfService.Flows.Registration;
using Tessera.SelfService.Flows.Verification;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Link;
using Tessera.SelfService.Methods.Oidc;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.SelfService.Hooks;
using Tessera.Sessions;
using Tessera.Sessions.TokenExchange;
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
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));

        builder.AddTesseraLogging(config);
        builder.AddTesseraListeners(serve);
        builder.Services.AddCrossOriginRequests(config);
        builder.Services.AddGracefulShutdown(config);
        builder.Services.AddPersistence(config);
        builder.Services.AddServerSecrets(config);
        builder.Services.AddErrors(config);
        builder.Services.AddIdentities(config);
        builder.Services.AddSessions(config, serve);
        builder.Services.AddSelfServiceFlows(config, serve);
        builder.Services.AddLoginFlow();
        builder.Services.AddRegistrationFlow(config);
        builder.Services.AddRecoveryFlow(config);
        builder.Services.AddVerificationFlow(config);
        builder.Services.AddLinkMethod(config);
        builder.Services.AddCodeMethod(config);
        builder.Services.AddSettingsFlow(config);
        builder.Services.AddLogoutFlow(config);
        builder.Services.AddSecondFactors(config);
        builder.Services.AddWebAuthnMethods(config);
        builder.Services.AddOidcMethod(config);
        builder.Services.AddCourier(config);
        builder.Services.AddOutboundHttp(config);
        builder.Services.AddHooks(config);
        builder.Services.AddTokenHooks(config);
        builder.Services.AddRateLimiting(config);
        builder.Services.AddPermissions(config);
        builder.Services.AddApiKeys(config);
        builder.Services.AddProjects(config, serve);
        builder.Services.AddOAuth2(config);
        builder.Services.AddOAuth2Authorization(config);
        builder.Services.AddOAuth2AccountEvents(config);
        builder.Services.AddObservability(config);
        builder.Services.AddApiDescription();
        builder.Services.AddConsole();

        testServices?.Invoke(builder.Services);
        var app = builder.Build();

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCrossOriginRequests();
        app.UseErrors();
        app.UseProjectRouting();
        app.UseProjectOverlays();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRateLimiting();
        app.UseRouting();
        app.UseMiddleware<SurfaceGuardMiddleware>();
        app.UseMiddleware<EmptyQueryParametersMiddleware>();
        app.UseAdminKeyAuthentication();
        app.UseConsoleSessions();

        app.MapHealthEndpoints();
        app.MapErrorEndpoints();
        app.MapErrorPages();
        app.MapSelfServicePages();
        app.MapIdentityEndpoints();
        app.MapSessionEndpoints();
        app.MapSessionTokenExchangeEndpoints();
        app.MapAdminSessionEndpoints();
        app.MapLoginEndpoints();
        app.MapRegistrationEndpoints();
        app.MapSettingsEndpoints();
        app.MapLogoutEndpoints();
        app.MapRecoveryEndpoints();
        app.MapVerificationEndpoints();
        app.MapLinkEndpoints();
        app.MapWebAuthnScript();
        app.MapOidcEndpoints();
        app.MapCourierEndpoints();
        app.MapHookEndpoints();
        app.MapPermissionEndpoints();
        app.MapAdminApiKeyEndpoints();
        app.MapProjects();
        app.MapOAuth2();
        app.MapOAuth2AuthorizationEndpoints();
        app.MapMetrics();
        app.MapApiDescription();
        app.MapConsoleEndpoints();
        app.MapErrorDashboardEndpoints();
        return app;
    }
}
