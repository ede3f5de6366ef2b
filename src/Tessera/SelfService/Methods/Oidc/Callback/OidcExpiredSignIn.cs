// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Registration;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// A browser that comes back from the provider after its login or registration flow expired gets what Kratos gives
/// an expired flow: a fresh flow of the same kind (same <c>return_to</c>), carrying the kind's expiry message
/// (4010001 / 4040001) whose context names <c>error_id: oauth_state_expired</c>, and a 303 to its UI, so the user
/// can simply sign in again. JSON clients, and native (API) flows, keep the catalog error <c>oauth_state_expired</c>.
/// </summary>
internal sealed class OidcExpiredSignIn(FlowStore flows, LoginFlowService login, RegistrationFlowService registration, TimeProvider clock)
{
    public async Task<IResult> AnswerAsync(HttpContext context, TesseraError refused, string? state, CancellationToken cancellationToken)
    {
        if (refused.Descriptor != ErrorCatalog.OAuthStateExpired || FlowClient.WantsJson(context.Request)
            || state is null || OidcSignInState.FlowIdOf(state) is not { } id
            || (await flows.FindAsync(id, FlowKind.Login, cancellationToken) ?? await flows.FindAsync(id, FlowKind.Registration, cancellationToken))
                is not { Type: FlowType.Browser } expired)
        {
            return new ErrorResult(refused);
        }

        var returnTo = expired.ReturnTo is null ? null : new Uri(expired.ReturnTo);
        var expiredContext = new Dictionary<string, object?> { ["error_id"] = ErrorCatalog.OAuthStateExpired.Id };
        if (expired.Kind == FlowKind.Login)
        {
            var message = UiMessages.ErrorValidationLoginFlowExpired.WithInstant("expired_at", expired.ExpiresAt, clock.GetUtcNow(), expiredContext);
            return await login.CreateAsync(context, FlowType.Browser, new LoginFlowRequest(false, null, returnTo), cancellationToken,
                fresh => fresh.Ui.AddMessage(null, message));
        }

        var expiredRegistration = UiMessages.ErrorValidationRegistrationFlowExpired.WithInstant("expired_at", expired.ExpiresAt, clock.GetUtcNow(), expiredContext);
        return await registration.CreateAsync(context, FlowType.Browser, returnTo, cancellationToken, fresh => fresh.Ui.AddMessage(null, expiredRegistration));
    }
}
