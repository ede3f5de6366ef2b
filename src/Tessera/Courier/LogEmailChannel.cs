// SPDX-License-Identifier: Apache-2.0
using Tessera.Logging;

namespace Tessera.Courier;

/// <summary>
/// Zero configuration's channel: no SMTP server is set, so the message is written to the log (status
/// <c>logged</c>, never <c>sent</c>) and stays readable in the outbox (admin API) until its body's retention ends.
/// The body is never logged (it carries codes) and the recipient is masked.
/// </summary>
internal sealed partial class LogEmailChannel(ILogger<LogEmailChannel> logger) : IEmailChannel
{
    public string DeliveredStatus => CourierMessageStatus.Logged;

    public Task SendAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        LogDelivered(logger, message.Id, new RecipientMask(message.Recipient), message.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information,
        Message = "Courier has no SMTP server (courier.smtp.connection_uri): message {MessageId} to {Recipient} with subject \"{Subject}\" is kept in the outbox, not e-mailed")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, RecipientMask recipient, string subject);
}
