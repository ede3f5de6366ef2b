// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Verification;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// The link method of the verification flow, sending side: e-mails a one-time link to a verifiable address
/// (<c>verification_valid</c>). An address no identity has gets nothing, or with <c>notify_unknown_recipients</c> the
/// <c>verification_invalid</c> message, which carries no link. Opening it: <see cref="VerificationLinkOpening"/>.
/// </summary>
internal sealed class LinkVerificationMethod(
    IdentityAddresses addresses, IdentityStore identities, CourierOutbox outbox, LinkTokens tokens, ProjectOptions<VerificationOptions> options)
{
    public const string Via = "email";

    /// <summary>Queues the e-mail for a stored flow; earlier links of the flow keep working until they expire.</summary>
    public async Task SendAsync(Flow flow, string email, CancellationToken cancellationToken)
    {
        var address = IdentifierNormalizer.Normalize(email);
        var identity = await addresses.FindByVerifiableAddressAsync(Via, address, cancellationToken);

        // Don't reveal whether the address belongs to an account: a token is stored either way (never sent and never
        // usable when nobody has the address), so the work done, and the answer, are the same.
        var link = await tokens.IssueAsync(flow, address, identity?.Id, cancellationToken);
        if (identity is not null)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.VerificationValid, address, new { VerificationURL = link.AbsoluteUri }, RecipientLanguage.For(flow, identity), cancellationToken);
        }
        else if (options.Value.NotifyUnknownRecipients)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.VerificationInvalid, email.Trim(), new { }, FlowLanguage.Of(flow), cancellationToken);
        }
    }

    /// <summary>For an address known to belong to <paramref name="identityId"/> (after registration).</summary>
    public async Task SendToIdentityAsync(Flow flow, Guid identityId, string address, CancellationToken cancellationToken)
    {
        var link = await tokens.IssueAsync(flow, address, identityId, cancellationToken);
        var language = RecipientLanguage.For(flow, await identities.GetAsync(identityId, cancellationToken));
        await outbox.QueueEmailAsync(CourierTemplateType.VerificationValid, address, new { VerificationURL = link.AbsoluteUri }, language, cancellationToken);
    }

    /// <summary>Uses the link's token; the identity is set when its address is now verified.</summary>
    public async Task<LinkOpened> UseAsync(Flow flow, string token, CancellationToken cancellationToken)
    {
        var use = await tokens.UseAsync(flow.Id, token, cancellationToken);
        if (use.Token?.IdentityId is not { } identityId || use.Expired
            || !await addresses.MarkVerifiedAsync(identityId, Via, use.Token.Address, cancellationToken))
        {
            return new LinkOpened(use, null);
        }

        return new LinkOpened(use, await identities.GetAsync(identityId, cancellationToken));
    }
}
