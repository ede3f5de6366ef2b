// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier.Channels;

/// <summary>
/// Where the courier hands a message over (an SMTP server, an SMS gateway, the log). A channel throws when delivery
/// failed; the dispatcher records the attempt and retries, whatever the channel.
/// </summary>
internal interface ICourierChannel
{
    /// <summary>The status a message handed over without error gets: <c>sent</c>, or <c>logged</c> for the log.</summary>
    string DeliveredStatus => CourierMessageStatus.Sent;

    Task SendAsync(CourierMessage message, CancellationToken cancellationToken);
}
