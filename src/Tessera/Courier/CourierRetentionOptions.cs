// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Courier;

/// <summary>
/// <c>courier.message_retention.*</c> (Tessera's; Kratos keeps messages forever). Once a message is final (sent,
/// logged or abandoned) its bodies and template data, which carry codes and links, are blanked after
/// <c>body</c> (default 24h), and the whole message is deleted after <c>message</c> (default 168h, seven days).
/// </summary>
internal sealed record CourierRetentionOptions(TimeSpan Body, TimeSpan Message)
{
    public const string BodyKey = "courier.message_retention.body";
    public const string MessageKey = "courier.message_retention.message";

    public static CourierRetentionOptions Bind(ConfigurationTree config)
    {
        var body = config.GetDuration(BodyKey, TimeSpan.FromHours(24));
        var message = config.GetDuration(MessageKey, TimeSpan.FromDays(7));
        return message < body
            ? throw new ConfigurationException(MessageKey, $"must be at least {BodyKey} ({GoDuration.Format(body)}): a message cannot go before its body")
            : new CourierRetentionOptions(body, message);
    }
}
