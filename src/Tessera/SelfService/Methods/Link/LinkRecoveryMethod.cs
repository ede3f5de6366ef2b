// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// The link method of the recovery flow, sending side: e-mails a one-time link to a recovery address of an active
/// account (<c>recovery_valid</c>). An address without one gets nothing, or with <c>notify_unknown_recipients</c> the
/// <c>recovery_invalid</c> message, which says someone asked and carries no link. Opening it: <see cref="RecoveryLinkOpening"/>.
/// </summary>
internal sealed class LinkRecoveryMethod(
    IdentityAddresses addresses, IdentityStore identities, CourierOutbox outbox, LinkTokens tokens, ProjectOptions<RecoveryOptions> options)
{
    public const string Via = "email";

    /// <summary>Queues the e-mail for a stored flow; earlier links of the flow keep working until they expire.</summary>
    public async Task SendAsync(Flow flow, string email, CancellationToken cancellationToken)
    {
        var address = IdentifierNormalizer.Normalize(email);
        var identity = await addresses.FindByRecoveryAddressAsync(Via, address, cancellationToken);
        var recoverable = identity is { IsActive: true };

        // Don't reveal whether the address belongs to an account: a token is stored either way (one never sent and
        // never usable when nobody is behind the address), so the work done, and the answer, are the same.
        var link = await tokens.IssueAsync(flow, address, recoverable ? identity!.Id : null, cancellationToken);
        if (recoverable)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.RecoveryValid, address, new { RecoveryURL = link.AbsoluteUri }, RecipientLanguage.For(flow, identity), cancellationToken);
        }
        else if (options.Value.NotifyUnknownRecipients)
        {
            await outbox.QueueEmailAsync(CourierTemplateType.RecoveryInvalid, email.Trim(), new { }, FlowLanguage.Of(flow), cancellationToken);
        }
    }

    /// <summary>Uses the link's token; the identity is set when it proves access to an active account.</summary>
    public async Task<LinkOpened> UseAsync(Flow flow, string token, CancellationToken cancellationToken)
    {
        var use = await tokens.UseAsync(flow.Id, token, cancellationToken);
        if (use.Token?.IdentityId is not { } identityId || use.Expired
            || await identities.GetAsync(identityId, cancellationToken) is not { IsActive: true } identity)
        {
            return new LinkOpened(use, null);
        }

        // Whoever opened the link reads the address's mail, which is what verifying it means (an administrator's link
        // names no address).
        if (use.Token.Address.Length > 0)
        {
            await addresses.MarkVerifiedAsync(identity.Id, Via, use.Token.Address, cancellationToken);
        }

        return new LinkOpened(use, identity);
    }
}
