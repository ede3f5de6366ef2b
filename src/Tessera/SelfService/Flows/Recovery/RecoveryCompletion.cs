// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// A proven recovery code: the user is signed in (method <c>code_recovery</c>) and sent on to set a new password.
/// HTML browsers get a 303 to <c>/self-service/settings/browser</c>, which starts a settings flow for the new
/// session; browser scripts get 422 <c>browser_location_change_required</c> pointing there (Kratos's answer);
/// API clients get the flow with <c>continue_with</c>: the session token, then <c>show_settings_ui</c>.
/// </summary>
internal sealed class RecoveryCompletion(FlowCompletion completion, FlowStore store, PublicUrls urls, RecoveryOptions options, IOptions<JsonOptions> json)
{
    public const string SessionMethod = "code_recovery";

    public async Task<IResult> CompleteAsync(HttpContext context, Flow flow, Identity identity, CancellationToken cancellationToken)
    {
        var now = completion.Now;
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceRecoverySuccessful.WithInstant("privileged_session_expires_at", now + options.PrivilegedSessionMaxAge, now));
        var done = flow with { State = RecoveryFlowService.StatePassedChallenge, Active = "code", IdentityId = identity.Id };
        await store.UpdateAsync(done, cancellationToken);

        var (_, token) = await completion.SignInAsync(context, done, identity, SessionMethod, cancellationToken);
        var settings = SettingsUrl(done);
        if (done.Type == FlowType.Browser)
        {
            return FlowClient.WantsJson(context.Request)
                ? new ErrorResult(new TesseraError(ErrorCatalog.BrowserLocationChangeRequired)
                {
                    RedirectBrowserTo = settings,
                    Context = new Dictionary<string, object?> { ["redirect_browser_to"] = settings },
                })
                : new SeeOtherResult(new Uri(settings));
        }

        // The settings flow is a separate slice: the app creates it with the token (GET /self-service/settings/api),
        // so show_settings_ui carries no flow id here.
        var body = JsonSerializer.SerializeToNode(FlowResponse.From(done), json.Value.SerializerOptions)!.AsObject();
        body["continue_with"] = new JsonArray(
            new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = token },
            new JsonObject { ["action"] = "show_settings_ui" });
        return TypedResults.Json(body, json.Value.SerializerOptions);
    }

    private string SettingsUrl(Flow flow)
    {
        var path = "/self-service/settings/browser";
        return urls.For(flow.ReturnTo is null ? path : $"{path}?return_to={Uri.EscapeDataString(flow.ReturnTo)}").AbsoluteUri;
    }
}
