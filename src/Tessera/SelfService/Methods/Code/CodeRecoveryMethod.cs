// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method of the recovery flow: e-mails a code to a recovery address (or texts it to a phone number, a
/// schema's <c>recovery.via: sms</c>, through the courier's sms channel) and proves a submitted code. An address
/// without an (active) account gets no code, or with <c>notify_unknown_recipients</c> the <c>recovery_code_invalid</c>
/// e-mail, which says someone asked and carries no code (a phone number gets nothing).
/// </summary>
internal sealed class CodeRecoveryMethod(
    IdentityAddresses addresses, IdentityStore identities, CourierOutbox outbox, CodeCourier courier, CodeChallenges challenges, ProjectOptions<RecoveryOptions> options)
{
    private const string Via = "email";

    /// <summary>Queues the e-mail for a stored flow; the code replaces any earlier one of the flow.</summary>
    public async Task SendAsync(Flow flow, string email, CancellationToken cancellationToken)
    {
        var address = IdentifierNormalizer.Normalize(email);
        var via = CodeVerificationMethod.ViaOf(address);
        var identity = await addresses.FindByRecoveryAddressAsync(via, address, cancellationToken);
        var recoverable = identity is { IsActive: true };

        // Don't reveal whether the address belongs to an account: the flow gets a code either way (one that is never
        // sent and can never match when nobody is behind the address), so everything the client sees is the same.
        var code = await challenges.IssueAsync(flow.Id, address, recoverable ? identity!.Id : null, null, cancellationToken);
        if (recoverable)
        {
            await courier.QueueAsync(via, address, CourierTemplateType.RecoveryCodeValid, new { RecoveryCode = code }, RecipientLanguage.For(flow, identity), cancellationToken);
        }
        else if (options.Value.NotifyUnknownRecipients && via == Via)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeInvalid, email.Trim(), new { }, FlowLanguage.Of(flow), cancellationToken);
        }
    }

    /// <summary>
    /// An administrator's code for <paramref name="identity"/> on a stored flow (<c>POST /admin/recovery/code</c>).
    /// Nothing is sent, and no address is attached: using this code proves nothing about any address.
    /// </summary>
    public Task<string> IssueForIdentityAsync(Flow flow, Identity identity, TimeSpan lifespan, CancellationToken cancellationToken) =>
        challenges.IssueAsync(flow.Id, string.Empty, identity.Id, lifespan, cancellationToken);

    /// <summary>The active identity the code proves access to, or none (wrong, expired, used, unknown address, no guesses left).</summary>
    public async Task<CodeProof> VerifyAsync(Flow flow, string code, CancellationToken cancellationToken)
    {
        var check = await challenges.ConsumeAsync(flow.Id, code, cancellationToken);
        if (check.Passed?.IdentityId is not { } identityId || await identities.GetAsync(identityId, cancellationToken) is not { IsActive: true } identity)
        {
            return CodeProof.From(check);
        }

        var challenge = check.Passed;

        // Whoever read the code controls the address, which is what verifying it means.
        if (challenge.Address.Length > 0)
        {
            await addresses.MarkVerifiedAsync(identity.Id, CodeVerificationMethod.ViaOf(challenge.Address), challenge.Address, cancellationToken);
        }

        return new CodeProof(identity, false);
    }
}
