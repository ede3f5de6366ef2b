// SPDX-License-Identifier: Apache-2.0
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tessera.Courier;

/// <summary>
/// Delivery over SMTP with MailKit: one connection per message; implicit TLS for <c>smtps://</c>, mandatory
/// STARTTLS for <c>smtp://</c> unless the URI says <c>disable_starttls=true</c>, SMTP AUTH when the URI carries
/// a user. The message goes out as plain text with an HTML alternative, with the configured
/// <c>courier.smtp.headers</c> and an <c>X-Tessera-Message-Id</c> header naming the outbox row.
/// </summary>
internal sealed class SmtpEmailChannel : IEmailChannel
{
    public const string MessageIdHeader = "X-Tessera-Message-Id";

    private readonly CourierOptions _options;
    private readonly SmtpConnection _connection;

    public SmtpEmailChannel(CourierOptions options)
    {
        _options = options;
        _connection = options.Smtp ?? throw new InvalidOperationException("The SMTP channel needs courier.smtp.connection_uri.");
    }

    private SecureSocketOptions Security =>
        _connection.ImplicitTls ? SecureSocketOptions.SslOnConnect
        : _connection.DisableStartTls ? SecureSocketOptions.None
        : SecureSocketOptions.StartTls;

    public async Task SendAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        using var mail = Compose(message);
        using var client = new SmtpClient { Timeout = (int)CourierOptions.SendTimeout.TotalMilliseconds };
        if (_connection.SkipSslVerify)
        {
            // Per client, not process-wide: only this SMTP connection skips verification, as the operator asked.
#pragma warning disable CA5359 // the operator opted out of certificate verification with skip_ssl_verify=true
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        await client.ConnectAsync(_connection.Host, _connection.Port, Security, cancellationToken);
        if (_connection.UserName is not null)
        {
            await client.AuthenticateAsync(_connection.UserName, _connection.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private MimeMessage Compose(CourierMessage message)
    {
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(new MailboxAddress(_options.From.DisplayName, _options.From.Address));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Body = new BodyBuilder { TextBody = message.BodyPlaintext, HtmlBody = message.Body }.ToMessageBody();
        foreach (var (name, value) in _options.Headers)
        {
            mail.Headers.Add(name, value);
        }

        mail.Headers.Add(MessageIdHeader, message.Id.ToString());
        return mail;
    }
}
