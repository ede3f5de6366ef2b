// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Registration;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The end of a sign-up with a WebAuthn credential, shared by passkeys (<c>passkey</c>) and passwordless security keys
/// (<c>webauthn</c>): a failed ceremony shows its message on the form again; a verified one creates the identity with
/// the new credential as its only way to sign in, then completes the flow.
/// </summary>
internal sealed class WebAuthnSignUp(RegistrationIdentityCreator creator, RegistrationOutcome outcome, TimeProvider clock)
{
    /// <param name="method">The registration method (<c>passkey</c> or <c>webauthn</c>), also the credential's type.</param>
    /// <param name="identifiers">The credential's identifiers, from the identity about to be created and the new credential.</param>
    public async Task<IResult> CompleteAsync(
        HttpContext context, Flow flow, IdentityDraft draft, string method, byte[] userHandle, Result<WebAuthnCredential> made,
        Func<Identity, WebAuthnCredentialSet, List<string>> identifiers, CancellationToken cancellationToken)
    {
        if (!made.Succeeded)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(made.Error));
            return await RerenderAsync(context, flow, method, cancellationToken);
        }

        var set = new WebAuthnCredentialSet(userHandle, [made.Value]);
        var now = clock.GetUtcNow();
        var created = await creator.CreateAsync(context, flow, draft, cancellationToken, method,
            identity => identity.Credentials[method] = new IdentityCredential
            {
                Id = Guid.NewGuid(),
                Type = method,
                Identifiers = identifiers(identity, set),
                Config = set.ToConfig(),
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            });
        if (created is null)
        {
            return await outcome.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        return created.Succeeded
            ? await outcome.CompleteAsync(context, flow, created.Value, cancellationToken, method)
            : await outcome.FailedAsync(context, flow, created.Error, cancellationToken);
    }

    /// <summary>The form again, with the method active and 400.</summary>
    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, string method, CancellationToken cancellationToken) =>
        outcome.RerenderAsync(context, flow with { Active = method }, StatusCodes.Status400BadRequest, cancellationToken);
}
