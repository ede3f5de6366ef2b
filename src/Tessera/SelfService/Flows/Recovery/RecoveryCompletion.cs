// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Hooks;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// A proven recovery code: the user is signed in (method <c>code_recovery</c>, so the session is privileged for
/// <c>privileged_session_max_age</c>) and a settings flow for the new session is created to set a new password.
/// HTML browsers get a 303 to that flow's UI; browser scripts get 422 <c>browser_location_change_required</c>
/// pointing there (Kratos's answer); API clients get the recovery flow with <c>continue_with</c>: the session token,
/// then <c>show_settings_ui</c> with the settings flow's id.
/// </summary>
internal sealed class RecoveryCompletion(
    FlowCompletion completion, SettingsFlowService settings, FlowResponder responder, FlowHooks hooks, ProjectOptions<RecoveryOptions> options, IOptions<JsonOptions> json)
{
    public const string SessionMethod = "code_recovery";

    /// <summary>Kratos's <c>link_recovery</c>: the session of a recovery by an e-mailed link.</summary>
    public const string LinkSessionMethod = "link_recovery";

    public Uri UiUrl(Flow flow) => responder.UiUrl(flow);

    /// <summary>The recovery flow as it is stored once the code (or link) is proven: state <c>passed_challenge</c>, the success message.</summary>
    public Flow Passed(Flow flow, Identity identity, string method = "code")
    {
        flow.Ui.AddMessage(null, SuccessMessage());
        return flow with { State = RecoveryFlowService.StatePassedChallenge, Active = method, IdentityId = identity.Id };
    }

    /// <summary>Signs in; <c>revoke_active_sessions</c> in <paramref name="afterHooks"/> then ends every other session of the identity.</summary>
    public async Task<IResult> CompleteAsync(HttpContext context, Flow done, Identity identity, HookChain afterHooks, CancellationToken cancellationToken)
    {
        var method = done.Active == "link" ? LinkSessionMethod : SessionMethod;
        var (session, token) = await completion.SignInAsync(context, done, identity, method, cancellationToken);
        await hooks.AfterSignInAsync(afterHooks, identity.Id, session.Id, cancellationToken);
        var returnTo = done.ReturnTo is null ? null : new Uri(done.ReturnTo);
        var created = await settings.CreateForAsync(context, done.Type, identity, returnTo, cancellationToken, SuccessMessage());
        if (!created.Succeeded)
        {
            return new ErrorResult(created.Error);
        }

        var settingsUi = responder.UiUrl(created.Value);
        if (done.Type == FlowType.Browser)
        {
            return FlowClient.WantsJson(context.Request)
                ? new ErrorResult(new TesseraError(ErrorCatalog.BrowserLocationChangeRequired)
                {
                    RedirectBrowserTo = settingsUi.AbsoluteUri,
                    Context = new Dictionary<string, object?> { ["redirect_browser_to"] = settingsUi.AbsoluteUri },
                })
                : new SeeOtherResult(settingsUi);
        }

        // The token is never stored with the flow: it is added to this one answer only.
        var body = JsonSerializer.SerializeToNode(FlowResponse.From(done), json.Value.SerializerOptions)!.AsObject();
        body["continue_with"] = new JsonArray(
            new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = token },
            new JsonObject { ["action"] = "show_settings_ui", ["flow"] = new JsonObject { ["id"] = created.Value.Id.ToString() } });
        return TypedResults.Json(body, json.Value.SerializerOptions);
    }

    private UiText SuccessMessage()
    {
        var now = completion.Now;
        return UiMessages.InfoSelfServiceRecoverySuccessful.WithInstant("privileged_session_expires_at", now + options.Value.PrivilegedSessionMaxAge, now);
    }
}
