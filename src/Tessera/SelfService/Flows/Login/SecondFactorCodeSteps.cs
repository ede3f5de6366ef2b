// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.RateLimiting;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Code;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// A code as the second factor (<c>mfa_enabled</c>): an aal2 flow offers the signed-in identity's own code addresses
/// (1010019 / 1010023); choosing one sends a code there (an address that is not the account's: 4010010, nothing
/// sent), and the code raises the session to aal2 with <c>amr: code</c>. Sending is limited per address, guessing per
/// flow (<c>max_submissions</c>), as for the first factor.
/// </summary>
internal sealed class SecondFactorCodeSteps(
    CodeOptions options, IdentityStore identities, CodeLoginMethod code, CodeSendGuard guard, SecondFactorLogin secondFactor, LoginOutcome outcome)
{
    private const string AddressKey = "code_address";

    public bool Handles(Flow flow) => options.MfaEnabled && flow.RequestedAal != AssuranceLevels.Aal1;

    public async Task AddNodesAsync(UiContainer ui, Guid identityId, CancellationToken cancellationToken)
    {
        if (options.MfaEnabled && await identities.GetAsync(identityId, cancellationToken) is { } identity && CodeAddressBook.Of(identity) is { Count: > 0 } addresses)
        {
            CodeLoginNodes.AddSecondFactor(ui, addresses);
        }
    }

    /// <summary>Whether the submission asks for a code (an address chosen, a resend, or no code sent yet) rather than answering one.</summary>
    public static bool Sends(Flow flow, string? resend, string? address) =>
        flow.State != LoginCodeSteps.StateSentEmail || resend == CodeLoginNodes.Code || !string.IsNullOrEmpty(address);

    public async Task<IResult> SendAsync(HttpContext context, Flow flow, string? address, string? resend, CancellationToken cancellationToken)
    {
        if (await secondFactor.SessionIdentityAsync(context, cancellationToken) is not { } identity)
        {
            return new Errors.ErrorResult(Errors.ErrorCatalog.SessionAal1Required);
        }

        var target = string.IsNullOrEmpty(address) && resend == CodeLoginNodes.Code ? flow.InternalContext[AddressKey]?.GetValue<string>() : address;
        if (string.IsNullOrWhiteSpace(target))
        {
            flow.Ui.AddMessage(CodeLoginNodes.Address, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeLoginNodes.Address }));
            return await outcome.RerenderAsync(context, flow, cancellationToken, CodeLoginNodes.Code);
        }

        if (await guard.BeforeSendingAsync(context, flow, target.Trim(), captchaResponse: null, cancellationToken) is { } refused)
        {
            return refused;
        }

        // The session's identity is known here, so saying that an address is not its own reveals nothing about others.
        if (!await code.SendToOwnAddressAsync(flow, identity, target.Trim(), cancellationToken))
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationLoginAddressUnknown.With());
            return await outcome.RerenderAsync(context, flow, cancellationToken, CodeLoginNodes.Code);
        }

        CodeLoginNodes.ShowCodeStep(flow.Ui, UiMessages.InfoNodeLabelLoginCode, []);
        flow.InternalContext[AddressKey] = JsonValue.Create(IdentifierNormalizer.Normalize(target));
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceLoginCodeSentForAuthenticatedUser.With());
        return await outcome.RerenderAsync(context, flow with { State = LoginCodeSteps.StateSentEmail }, cancellationToken, CodeLoginNodes.Code);
    }

    /// <summary>The raised session, or why not: a wrong, used or expired code (4010008), or no session.</summary>
    public Task<SecondFactorResult> CompleteAsync(HttpContext context, Flow flow, string? submitted, CancellationToken cancellationToken) =>
        secondFactor.RaiseAsync(context, CodeLoginNodes.Code, async identity =>
        {
            if (string.IsNullOrWhiteSpace(submitted))
            {
                return new SecondFactorResult(null, CodeLoginNodes.Code,
                    UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeLoginNodes.Code }), null);
            }

            var proof = await code.VerifyAsync(flow, submitted, cancellationToken);
            return proof.Identity?.Id == identity.Id
                ? null
                : new SecondFactorResult(null, null, UiMessages.ErrorValidationLoginCodeInvalidOrAlreadyUsed.With(), null);
        }, cancellationToken);
}
