// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// Public API, Kratos's settings endpoints (all need a session):
/// GET  /self-service/settings/browser   createBrowserSettingsFlow (303 to the settings UI, or the flow as JSON)
/// GET  /self-service/settings/api       createNativeSettingsFlow
/// GET  /self-service/settings/flows     getSettingsFlow (?id=)
/// POST /self-service/settings           updateSettingsFlow (?flow=; form or JSON)
/// </summary>
internal static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/settings/browser", CreateBrowserSettingsFlow);
        api.MapGet("/self-service/settings/api", CreateNativeSettingsFlow);
        api.MapGet("/self-service/settings/flows", GetSettingsFlow);
        api.MapPost("/self-service/settings", UpdateSettingsFlow).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> CreateBrowserSettingsFlow(
        HttpContext context, SettingsFlowService settings, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => settings.CreateAsync(context, FlowType.Browser, target, cancellationToken));

    private static Task<IResult> CreateNativeSettingsFlow(
        HttpContext context, SettingsFlowService settings, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => settings.CreateAsync(context, FlowType.Api, target, cancellationToken));

    private static async Task<IResult> GetSettingsFlow(
        string? id, HttpContext context, FlowLookup flows, SettingsFlowService settings, CancellationToken cancellationToken)
    {
        var found = await flows.FindAsync(id, FlowKind.Settings, cancellationToken);
        return found.Succeeded ? await settings.FetchAsync(context, found.Value, flows, cancellationToken) : new ErrorResult(found.Error);
    }

    private static Task<IResult> UpdateSettingsFlow(
        string? flow, HttpContext context, FlowLookup flows, SettingsFlowService settings, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateSettingsFlowRequest>(FlowKind.Settings, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => settings.SubmitAsync(context, found, body, cancellationToken), cancellationToken);
}
