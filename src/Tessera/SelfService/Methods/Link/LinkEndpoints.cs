// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Configuration;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;
using Tessera.SelfService.Flows.Verification;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Public API, the links the link method e-mails (Kratos's <c>updateRecoveryFlow</c> / <c>updateVerificationFlow</c>
/// answered on GET with the token in the query), mapped only when <c>selfservice.methods.link.enabled</c>:
/// GET  /self-service/recovery       ?flow=&amp;token=   (RecoveryLinkOpening)
/// GET  /self-service/verification   ?flow=&amp;token=   (VerificationLinkOpening)
/// Admin API (400 <c>self_service_method_disabled</c> while the method is off):
/// POST /admin/recovery/link         createRecoveryLinkForIdentity (200)
/// </summary>
internal static class LinkEndpoints
{
    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi().MapPost("/admin/recovery/link", CreateRecoveryLinkForIdentity);
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
        string? flow, string? token, HttpContext context, FlowLookup flows, ProjectOptions<RecoveryOptions> options, RecoveryLinkOpening opening, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var found = await flows.FindAsync(flow, FlowKind.Recovery, cancellationToken);
        return found.Succeeded ? await opening.OpenAsync(context, found.Value, token, cancellationToken) : new ErrorResult(found.Error);
    }

    private static async Task<IResult> UpdateVerificationFlowWithLink(
        string? flow, string? token, HttpContext context, FlowLookup flows, ProjectOptions<VerificationOptions> options, VerificationLinkOpening opening,
        CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var found = await flows.FindAsync(flow, FlowKind.Verification, cancellationToken);
        return found.Succeeded ? await opening.OpenAsync(context, found.Value, token, cancellationToken) : new ErrorResult(found.Error);
    }

    private static async Task<IResult> CreateRecoveryLinkForIdentity(
        HttpContext context, AdminRecoveryLinks links, IdentityStore identities, LinkMethodOptions link, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!link.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceMethodDisabled.With(new Dictionary<string, object?> { ["method"] = LinkMethodOptions.Method }));
        }

        var body = await RequestBodyReader.ReadAsync<CreateRecoveryLinkForIdentityRequest>(context.Request, json.Value.SerializerOptions, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        if (!Guid.TryParse(body.Value.IdentityId, out var identityId))
        {
            return new ErrorResult(RequestErrors.Malformed("identity_id must be a UUID"));
        }

        var expiresIn = link.Lifespan;
        if (body.Value.ExpiresIn is { Length: > 0 } text && (!GoDuration.TryParse(text, out expiresIn) || expiresIn <= TimeSpan.Zero))
        {
            return new ErrorResult(RequestErrors.Malformed("expires_in must be a positive duration such as 15m or 1h"));
        }

        return await identities.GetAsync(identityId, cancellationToken) is { } identity
            ? TypedResults.Ok(await links.CreateAsync(context, identity, expiresIn, cancellationToken))
            : new ErrorResult(ErrorCatalog.IdentityNotFound);
    }
}
