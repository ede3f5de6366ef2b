// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method of the login flow: sends a code to an address an identity signs in with (its <c>code</c>
/// credential's addresses) and proves a submitted code. As a first factor the address comes from the form and may
/// belong to nobody; as a second factor (<c>mfa_enabled</c>) it must be one of the signed-in identity's own.
/// </summary>
internal sealed class CodeLoginMethod(IdentityStore identities, IdentityAddresses addresses, CodeChallenges challenges, CodeCourier courier)
{
    /// <summary>Queues the code for a stored flow; the code replaces any earlier one of the flow.</summary>
    public async Task SendAsync(Flow flow, string identifier, CancellationToken cancellationToken)
    {
        var address = IdentifierNormalizer.Normalize(identifier);
        var identity = await identities.FindByCredentialIdentifierAsync(CredentialTypes.Code, address, cancellationToken);
        var channel = identity is { IsActive: true } ? CodeAddressBook.ChannelOf(identity, address) : null;
        var deliverable = channel is not null && CodeCourier.Carries(channel);

        // Don't reveal whether the address belongs to an account: the flow gets a code either way (one that is never
        // sent and can never match when nobody is behind the address), so everything the client sees is the same.
        var code = await challenges.IssueAsync(flow.Id, address, deliverable ? identity!.Id : null, null, cancellationToken);
        if (deliverable)
        {
            await courier.QueueAsync(channel!, address, CourierTemplateType.LoginCodeValid, new { LoginCode = code }, RecipientLanguage.For(flow, identity), cancellationToken);
        }
    }

    /// <summary>
    /// A second factor: the code goes to <paramref name="address"/> when it is one of <paramref name="identity"/>'s
    /// code addresses; false (nothing sent) when it is not.
    /// </summary>
    public async Task<bool> SendToOwnAddressAsync(Flow flow, Identity identity, string address, CancellationToken cancellationToken)
    {
        var normalized = IdentifierNormalizer.Normalize(address);
        if (CodeAddressBook.ChannelOf(identity, normalized) is not { } channel || !CodeCourier.Carries(channel))
        {
            return false;
        }

        var code = await challenges.IssueAsync(flow.Id, normalized, identity.Id, null, cancellationToken);
        await courier.QueueAsync(channel, normalized, CourierTemplateType.LoginCodeValid, new { LoginCode = code }, RecipientLanguage.For(flow, identity), cancellationToken);
        return true;
    }

    /// <summary>The active identity the code proves, or none (wrong, expired, used, unknown address, no guesses left).</summary>
    public async Task<CodeProof> VerifyAsync(Flow flow, string code, CancellationToken cancellationToken)
    {
        var check = await challenges.ConsumeAsync(flow.Id, code, cancellationToken);
        if (check.Passed is not { IdentityId: { } identityId } challenge
            || await identities.GetAsync(identityId, cancellationToken) is not { IsActive: true } identity)
        {
            return CodeProof.From(check);
        }

        // Whoever read the code controls the address, which is what verifying it means (Kratos marks it verified too).
        if (CodeAddressBook.ChannelOf(identity, challenge.Address) is { } channel
            && await addresses.MarkVerifiedAsync(identity.Id, channel, challenge.Address, cancellationToken))
        {
            identity = await identities.GetAsync(identity.Id, cancellationToken) ?? identity;
        }

        return new CodeProof(identity, false);
    }
}
