// SPDX-License-Identifier: Apache-2.0
using Tessera.Logging;

namespace Tessera.Courier.Channels;

/// <summary>
/// The <c>sms</c> channel when <c>courier.channels</c> has no entry for it: the message is written to the log
/// (status <c>logged</c>, never <c>sent</c>) and stays readable in the outbox (admin API) until its body's retention
/// ends. The body is never logged (it carries codes) and the number is masked.
/// </summary>
internal sealed partial class LogSmsChannel(ILogger<LogSmsChannel> logger) : ICourierChannel
{
    public string DeliveredStatus => CourierMessageStatus.Logged;

    public Task SendAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        LogDelivered(logger, message.Id, new RecipientMask(message.Recipient));
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 640, Level = LogLevel.Information,
        Message = "Courier has no sms channel (courier.channels): message {MessageId} to {Recipient} is kept in the outbox, not sent")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, RecipientMask recipient);
}
