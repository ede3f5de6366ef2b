// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Hands a code message to the courier on the address's channel. The code method names a channel and an address and
/// never assumes e-mail, so another channel (SMS) is one more case here, not a change to the flows.
/// </summary>
internal sealed class CodeCourier(CourierOutbox outbox)
{
    public const string Email = "email";

    /// <summary>Whether a code can be sent on <paramref name="channel"/> here.</summary>
    public static bool Carries(string channel) => channel == Email;

    public async Task QueueAsync(string channel, string address, CourierTemplateType template, object model, CancellationToken cancellationToken)
    {
        if (!Carries(channel))
        {
            throw new InvalidOperationException($"no courier channel '{channel}' for codes");
        }

        await outbox.QueueEmailAsync(template, address, model, cancellationToken);
    }
}
