// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Verification;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method of the verification flow: e-mails a code to a verifiable address (or texts it to a phone number,
/// <c>via: sms</c>, through the courier's sms channel) and, for the right code, marks
/// that address <c>verified: true, status: completed</c> (<c>sent</c> while a code is on its way). An address no identity has gets no code, or with
/// <c>notify_unknown_recipients</c> the <c>verification_code_invalid</c> message, which carries no code.
/// </summary>
internal sealed class CodeVerificationMethod(
    IdentityAddresses addresses, IdentityStore identities, CourierOutbox outbox, CodeCourier courier, CodeChallenges challenges, ProjectOptions<VerificationOptions> options)
{
    public const string Via = "email";

    /// <summary><c>sms</c> for an international phone number, else <c>email</c>: the address's channel and <c>via</c>.</summary>
    public static string ViaOf(string address) => PhoneNumberNormalizer.TryNormalize(address, out _) ? CodeCourier.Sms : Via;

    /// <summary>Queues the e-mail for a stored flow; the code replaces any earlier one of the flow.</summary>
    public async Task SendAsync(Flow flow, string email, CancellationToken cancellationToken)
    {
        var address = IdentifierNormalizer.Normalize(email);
        var via = ViaOf(address);
        var identity = await addresses.FindByVerifiableAddressAsync(via, address, cancellationToken);

        // Don't reveal whether the address belongs to an account: the flow gets a code either way (never sent and
        // never matching when nobody has the address), so everything the client sees is the same.
        var code = await challenges.IssueAsync(flow.Id, address, identity?.Id, null, cancellationToken);
        if (identity is not null)
        {
            await QueueCodeAsync(via, address, code, RecipientLanguage.For(flow, identity), cancellationToken);
            await addresses.MarkSentAsync(identity.Id, via, address, cancellationToken);
        }
        else if (options.Value.NotifyUnknownRecipients && via == Via)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.VerificationCodeInvalid, email.Trim(), new { }, FlowLanguage.Of(flow), cancellationToken);
        }
    }

    /// <summary>For an address known to belong to <paramref name="identityId"/> (after registration).</summary>
    public async Task SendToIdentityAsync(Flow flow, Guid identityId, string address, CancellationToken cancellationToken)
    {
        var code = await challenges.IssueAsync(flow.Id, address, identityId, null, cancellationToken);
        await QueueCodeAsync(ViaOf(address), address, code, RecipientLanguage.For(flow, await identities.GetAsync(identityId, cancellationToken)), cancellationToken);
        await addresses.MarkSentAsync(identityId, ViaOf(address), address, cancellationToken);
    }

    /// <summary>The identity whose address the right code has now verified, or none when the code was not right.</summary>
    public async Task<CodeProof> VerifyAsync(Flow flow, string code, CancellationToken cancellationToken)
    {
        var check = await challenges.ConsumeAsync(flow.Id, code, cancellationToken);
        return check.Passed is { IdentityId: { } identityId } challenge && await addresses.MarkVerifiedAsync(identityId, ViaOf(challenge.Address), challenge.Address, cancellationToken)
            ? new CodeProof(await identities.GetAsync(identityId, cancellationToken), false)
            : CodeProof.From(check);
    }

    private Task QueueCodeAsync(string via, string address, string code, string? language, CancellationToken cancellationToken) =>
        courier.QueueAsync(via, address, CourierTemplateType.VerificationCodeValid, new { VerificationCode = code }, language, cancellationToken);
}
