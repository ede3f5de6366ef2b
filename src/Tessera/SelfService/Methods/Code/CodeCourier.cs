// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Courier.Channels;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Hands a code message to the courier on the address's channel. The code method names a channel and an address and
/// never assumes e-mail: <c>email</c> goes out as an e-mail, <c>sms</c> (a schema's <c>via: sms</c>) as a text
/// message through <c>courier.channels</c>.
/// </summary>
internal sealed class CodeCourier(CourierOutbox outbox)
{
    public const string Email = CourierChannelIds.Email;

    public const string Sms = CourierChannelIds.Sms;

    /// <summary>Whether a code can be sent on <paramref name="channel"/> here.</summary>
    public static bool Carries(string channel) => channel is Email or Sms;

    public Task QueueAsync(string channel, string address, CourierTemplateType template, object model, CancellationToken cancellationToken) =>
        QueueAsync(channel, address, template, model, null, cancellationToken);

    /// <param name="language">The message's language (<see cref="Localization.RecipientLanguage"/>); null for English.</param>
    public async Task QueueAsync(string channel, string address, CourierTemplateType template, object model, string? language, CancellationToken cancellationToken)
    {
        switch (channel)
        {
            case Email:
                await outbox.QueueEmailAsync(template, address, model, language, cancellationToken);
                break;
            case Sms:
                await outbox.QueueSmsAsync(template, address, model, language, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"no courier channel '{channel}' for codes");
        }
    }
}
