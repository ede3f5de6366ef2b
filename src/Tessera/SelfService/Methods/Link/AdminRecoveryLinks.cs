// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// <c>POST /admin/recovery/link</c>: a recovery flow and a one-time link for it that only the administrator learns
/// (nothing is e-mailed). The flow has no browser to bind to, so it skips the CSRF check (as Kratos's does; the token
/// is the secret), and no address is attached to the token: using it proves nothing about any address, so none is
/// marked verified.
/// </summary>
internal sealed class AdminRecoveryLinks(FlowFactory factory, FlowStore store, LinkTokens tokens)
{
    public async Task<RecoveryLinkForIdentityResponse> CreateAsync(HttpContext context, Identity identity, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        // Created as an API flow so the administrator's request gets no CSRF cookie; it is a browser flow from then on.
        var created = factory.Create(context, FlowKind.Recovery, FlowType.Api, returnTo: null, LinkFlowSubmission.StateSentEmail);
        var flow = created with { Type = FlowType.Browser, CsrfToken = string.Empty, ExpiresAt = created.IssuedAt + expiresIn, Active = LinkMethodOptions.Method };
        flow.InternalContext["dangerous_skip_csrf_check"] = true;
        LinkFormNodes.AddEmailForm(flow.Ui, email: null);
        await store.InsertAsync(flow, cancellationToken);
        var link = await tokens.IssueAsync(flow, address: string.Empty, identity.Id, cancellationToken, expiresIn);
        return new RecoveryLinkForIdentityResponse(link.AbsoluteUri, flow.ExpiresAt);
    }
}
