// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier.Channels;

/// <summary>
/// The channel each message goes through, by the message's <c>channel</c>: <c>email</c> is the SMTP (or log)
/// channel; <c>sms</c> is the <c>courier.channels</c> entry with that id, or the log when there is none (as e-mail
/// without an SMTP server, so zero configuration still completes a flow and the message stays readable in the outbox).
/// </summary>
internal sealed class CourierChannels
{
    private readonly Dictionary<string, ICourierChannel> _channels = new(StringComparer.Ordinal);

    public CourierChannels(IEmailChannel email, IEnumerable<HttpCourierChannel> configured, LogSmsChannel smsLog)
    {
        _channels[CourierChannelIds.Email] = email;
        _channels[CourierChannelIds.Sms] = smsLog;
        foreach (var channel in configured)
        {
            _channels[channel.Id] = channel;
        }
    }

    /// <summary>The channel for <paramref name="message"/>; a message on a channel nobody configures fails its attempts.</summary>
    public ICourierChannel For(CourierMessage message) =>
        _channels.TryGetValue(message.Channel, out var channel) ? channel : new MissingChannel(message.Channel);

    private sealed class MissingChannel(string id) : ICourierChannel
    {
        public Task SendAsync(CourierMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"no courier channel \"{id}\" is configured (courier.channels)");
    }
}
