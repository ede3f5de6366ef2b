// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;
using Tessera.SelfService.Flows.Verification;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Public API, the links the link method e-mails (Kratos's <c>updateRecoveryFlow</c> / <c>updateVerificationFlow</c>
/// answered on GET with the token in the query). Mapped only when <c>selfservice.methods.link.enabled</c>:
/// GET /self-service/recovery       ?flow=&amp;token=   (RecoveryLinkOpening)
/// GET /self-service/verification   ?flow=&amp;token=   (VerificationLinkOpening)
/// </summary>
internal static class LinkEndpoints
{
    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<LinkMethodOptions>().Enabled)
        {
            return endpoints;
        }

        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/recovery", UpdateRecoveryFlowWithLink);
        api.MapGet("/self-service/verification", UpdateVerificationFlowWithLink);
        return endpoints;
    }

    private static async Task<IResult> UpdateRecoveryFlowWithLink(
        string? flow, string? token, HttpContext context, FlowLookup flows, RecoveryOptions options, RecoveryLinkOpening opening, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var found = await flows.FindAsync(flow, FlowKind.Recovery, cancellationToken);
        return found.Succeeded ? await opening.OpenAsync(context, found.Value, token, cancellationToken) : new ErrorResult(found.Error);
    }

    private static async Task<IResult> UpdateVerificationFlowWithLink(
        string? flow, string? token, HttpContext context, FlowLookup flows, VerificationOptions options, VerificationLinkOpening opening,
        CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var found = await flows.FindAsync(flow, FlowKind.Verification, cancellationToken);
        return found.Succeeded ? await opening.OpenAsync(context, found.Value, token, cancellationToken) : new ErrorResult(found.Error);
    }
}
