// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// Public API, Kratos's verification endpoints:
/// GET  /self-service/verification/browser   createBrowserVerificationFlow
/// GET  /self-service/verification/api       createNativeVerificationFlow
/// GET  /self-service/verification/flows     getVerificationFlow (?id=)
/// POST /self-service/verification           updateVerificationFlow (?flow=; form or JSON)
/// </summary>
internal static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/verification/browser", CreateBrowserVerificationFlow);
        api.MapGet("/self-service/verification/api", CreateNativeVerificationFlow);
        api.MapGet("/self-service/verification/flows", GetVerificationFlow);
        api.MapPost("/self-service/verification", UpdateVerificationFlow).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> CreateBrowserVerificationFlow(
        HttpContext context, VerificationFlowService verification, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => verification.CreateAsync(context, FlowType.Browser, target, cancellationToken));

    private static Task<IResult> CreateNativeVerificationFlow(
        HttpContext context, VerificationFlowService verification, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => verification.CreateAsync(context, FlowType.Api, target, cancellationToken));

    private static Task<IResult> GetVerificationFlow(
        string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.GetAsync(FlowKind.Verification, id, context, flows, responder, clock, cancellationToken);

    private static Task<IResult> UpdateVerificationFlow(
        string? flow, HttpContext context, FlowLookup flows, VerificationFlowService verification, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateVerificationFlowRequest>(FlowKind.Verification, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => verification.SubmitAsync(context, found, body, cancellationToken), cancellationToken);
}
