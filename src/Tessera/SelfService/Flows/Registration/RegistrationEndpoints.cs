// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// Public API, Kratos's registration endpoints:
/// GET  /self-service/registration/browser   createBrowserRegistrationFlow
/// GET  /self-service/registration/api       createNativeRegistrationFlow
/// GET  /self-service/registration/flows     getRegistrationFlow (?id=)
/// POST /self-service/registration           updateRegistrationFlow (?flow=; form or JSON)
/// </summary>
internal static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/registration/browser", CreateBrowserRegistrationFlow);
        api.MapGet("/self-service/registration/api", CreateNativeRegistrationFlow);
        api.MapGet("/self-service/registration/flows", GetRegistrationFlow);
        api.MapPost("/self-service/registration", UpdateRegistrationFlow).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> CreateBrowserRegistrationFlow(
        HttpContext context, RegistrationFlowService registration, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => registration.CreateAsync(context, FlowType.Browser, target, cancellationToken));

    private static Task<IResult> CreateNativeRegistrationFlow(
        HttpContext context, RegistrationFlowService registration, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => registration.CreateAsync(context, FlowType.Api, target, cancellationToken));

    private static Task<IResult> GetRegistrationFlow(
        string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.GetAsync(FlowKind.Registration, id, context, flows, responder, clock, cancellationToken);

    private static Task<IResult> UpdateRegistrationFlow(
        string? flow, HttpContext context, FlowLookup flows, RegistrationFlowService registration, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateRegistrationFlowRequest>(FlowKind.Registration, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => registration.SubmitAsync(context, found, body, cancellationToken), cancellationToken);
}
