// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.LookupSecret;
using Tessera.SelfService.Methods.Totp;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// The second step of a login (<c>aal=aal2</c>): the second factors the session's identity has set up (an
/// authenticator app code, a backup code), and completing one, which raises the existing session to aal2.
/// </summary>
internal sealed class SecondFactorLogin(
    SecondFactorCheck check, IdentityStore identities, SessionManager sessions, SessionResponder responder, TimeProvider clock)
{
    public const string TotpCode = "totp_code";
    public const string LookupSecret = "lookup_secret";

    public static bool Handles(Flow flow, string? method) =>
        flow.RequestedAal != AssuranceLevels.Aal1 && method is CredentialTypes.Totp or CredentialTypes.LookupSecret;

    public async Task AddNodesAsync(UiContainer ui, Guid identityId, CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(identityId, cancellationToken);
        if (identity is not null && TotpCredentials.IsLinked(identity))
        {
            ui.Nodes.Add(UiNode.Input(CredentialTypes.Totp, TotpCode, "text", UiMessages.InfoSelfServiceLoginTOTPLabel.With(), required: true, autocomplete: "one-time-code"));
            ui.Nodes.Add(Submit(CredentialTypes.Totp, UiMessages.InfoLoginTOTP));
        }

        if (identity is not null && LookupSecretCredentials.IsSet(identity))
        {
            ui.Nodes.Add(UiNode.Input(CredentialTypes.LookupSecret, LookupSecret, "text", UiMessages.InfoLoginLookupLabel.With(), required: true, autocomplete: "off"));
            ui.Nodes.Add(Submit(CredentialTypes.LookupSecret, UiMessages.InfoLoginLookup));
        }
    }

    /// <summary>The raised session (and the token the request carries), the message for the form, or a bare error.</summary>
    public Task<SecondFactorResult> CompleteAsync(HttpContext context, string method, string? code, CancellationToken cancellationToken) =>
        RaiseAsync(context, method, identity => check.CheckAsync(context, identity, method, code, cancellationToken), cancellationToken);

    /// <summary>
    /// Raises the request's session to aal2 with <paramref name="method"/> once <paramref name="prove"/> accepted the
    /// factor for the session's identity (null); otherwise its refusal. Without a session: <c>session_aal1_required</c>.
    /// </summary>
    public async Task<SecondFactorResult> RaiseAsync(
        HttpContext context, string method, Func<Identity, Task<SecondFactorResult?>> prove, CancellationToken cancellationToken)
    {
        var found = await sessions.FetchAsync(context.Request, cancellationToken);
        var identity = found.Succeeded ? await identities.GetAsync(found.Value.IdentityId, cancellationToken) : null;
        if (!found.Succeeded || identity is null)
        {
            return new SecondFactorResult(null, null, null, ErrorCatalog.SessionAal1Required);
        }

        if (await prove(identity) is { } refused)
        {
            return refused;
        }

        var raised = await sessions.AddAuthenticationAsync(found.Value, new AuthenticationMethod(method, AssuranceLevels.Aal2, clock.GetUtcNow()), cancellationToken);
        return new SecondFactorResult((await responder.ToResponseAsync(raised, identity, cancellationToken), sessions.TokenFrom(context.Request)!), null, null, null);
    }

    /// <summary>The identity of the request's session, or null without one.</summary>
    public async Task<Identity?> SessionIdentityAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var found = await sessions.FetchAsync(context.Request, cancellationToken);
        return found.Succeeded ? await identities.GetAsync(found.Value.IdentityId, cancellationToken) : null;
    }

    private static UiNode Submit(string method, UiMessage label) =>
        UiNode.Submit(method, LoginNodes.Method, method, label.With());
}
