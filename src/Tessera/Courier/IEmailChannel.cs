// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>
/// Where the courier hands a message over: an SMTP server, or the log when none is configured. A channel throws
/// when delivery failed; the dispatcher retries.
/// </summary>
internal interface IEmailChannel
{
    /// <summary>The status a message handed over without error gets: <c>sent</c>, or <c>logged</c> for the log.</summary>
    string DeliveredStatus => CourierMessageStatus.Sent;

    Task SendAsync(CourierMessage message, CancellationToken cancellationToken);
}
