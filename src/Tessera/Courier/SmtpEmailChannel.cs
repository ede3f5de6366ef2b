// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Mail;
using System.Text;

namespace Tessera.Courier;

/// <summary>
/// Delivery over SMTP with the BCL's SmtpClient: one connection per message, STARTTLS unless the connection URI
/// says <c>disable_starttls=true</c>. The message goes out as plain text with an HTML alternative, with the
/// configured <c>courier.smtp.headers</c> and an <c>X-Tessera-Message-Id</c> header naming the outbox row.
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
        if (_connection.SkipSslVerify)
        {
            // SmtpClient validates certificates only through this process-wide callback. HttpClient (webhooks, OIDC)
            // does not consult it, so accepting any certificate here weakens SMTP alone, as the operator asked.
#pragma warning disable SYSLIB0014, CA5359 // ServicePointManager is obsolete but SmtpClient's only hook; the operator opted out of verification
            ServicePointManager.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore SYSLIB0014, CA5359
        }
    }

    public async Task SendAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MailMessage
        {
            From = _options.From,
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.BodyPlaintext,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(message.Recipient);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Body, Encoding.UTF8, "text/html"));
        foreach (var (name, value) in _options.Headers)
        {
            mail.Headers.Add(name, value);
        }

        mail.Headers.Add(MessageIdHeader, message.Id.ToString());
        using var client = new SmtpClient(_connection.Host, _connection.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = !_connection.DisableStartTls,
            Timeout = (int)CourierOptions.SendTimeout.TotalMilliseconds,
            UseDefaultCredentials = false,
            Credentials = _connection.UserName is null ? null : new NetworkCredential(_connection.UserName, _connection.Password),
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}
