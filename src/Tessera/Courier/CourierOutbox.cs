// SPDX-License-Identifier: Apache-2.0
using System.Net.Mail;
using Tessera.Courier.Channels;
using Tessera.Identities;

namespace Tessera.Courier;

/// <summary>
/// What the flows call to send e-mail: render the template now and put the message in the outbox; a worker
/// delivers it. Queueing never talks to the SMTP server, so a slow or down mail server cannot slow a flow down
/// or make its response differ (which could reveal whether an account exists).
/// </summary>
internal sealed partial class CourierOutbox(EmailTemplates templates, CourierStore store, ILogger<CourierOutbox> logger)
{
    /// <param name="templateType">Which message (<see cref="CourierTemplateType.RecoveryCodeValid"/>, ...).</param>
    /// <param name="recipient">The e-mail address.</param>
    /// <param name="model">
    /// The template's values as an object whose property names the templates use (<c>new { RecoveryCode = "123456" }</c>);
    /// <c>To</c> is added. The values the built-in template needs (<see cref="CourierTemplateType.Fields"/>) must be set.
    /// </param>
    /// <returns>The message's id (the admin API's <c>/admin/courier/messages/{id}</c>).</returns>
    public Task<Guid> QueueEmailAsync(CourierTemplateType templateType, string recipient, object model, CancellationToken cancellationToken = default) =>
        QueueEmailAsync(templateType, recipient, model, null, cancellationToken);

    /// <summary>As <see cref="QueueEmailAsync(CourierTemplateType, string, object, CancellationToken)"/>, in <paramref name="language"/> (null: English).</summary>
    public async Task<Guid> QueueEmailAsync(CourierTemplateType templateType, string recipient, object model, string? language, CancellationToken cancellationToken = default)
    {
        if (!MailAddress.TryCreate(recipient, out var address) || address.Address != recipient.Trim())
        {
            throw new ArgumentException("The recipient must be a single e-mail address.", nameof(recipient));
        }

        var data = EmailTemplateData.From(templateType, address.Address, model);
        var email = templates.Render(templateType, data, language);
        var id = await store.InsertAsync(templateType, CourierChannelIds.Email, address.Address, email, data.Json, cancellationToken);
        LogQueued(logger, id, templateType.Name);
        return id;
    }

    /// <summary>
    /// Puts a text message in the outbox for the <c>sms</c> channel (<c>courier.channels</c>): the template's
    /// <c>sms.body.gotmpl</c>, to a phone number in E.164.
    /// </summary>
    /// <param name="templateType">Which message; one with a built-in SMS body (the code messages).</param>
    /// <param name="phoneNumber">An international phone number; stored in E.164.</param>
    /// <param name="model">As for <see cref="QueueEmailAsync"/>.</param>
    public Task<Guid> QueueSmsAsync(CourierTemplateType templateType, string phoneNumber, object model, CancellationToken cancellationToken = default) =>
        QueueSmsAsync(templateType, phoneNumber, model, null, cancellationToken);

    /// <summary>As <see cref="QueueSmsAsync(CourierTemplateType, string, object, CancellationToken)"/>, in <paramref name="language"/> (null: English).</summary>
    public async Task<Guid> QueueSmsAsync(CourierTemplateType templateType, string phoneNumber, object model, string? language, CancellationToken cancellationToken = default)
    {
        if (!PhoneNumberNormalizer.TryNormalize(phoneNumber, out var e164))
        {
            throw new ArgumentException("The recipient must be an international phone number.", nameof(phoneNumber));
        }

        var data = EmailTemplateData.From(templateType, e164, model);
        var text = templates.RenderSms(templateType, data, language);
        var id = await store.InsertAsync(templateType, CourierChannelIds.Sms, e164, new RenderedEmail(string.Empty, text, text), data.Json, cancellationToken);
        LogQueued(logger, id, templateType.Name);
        return id;
    }

    [LoggerMessage(EventId = 630, Level = LogLevel.Debug, Message = "Courier queued message {MessageId} ({TemplateType})")]
    private static partial void LogQueued(ILogger logger, Guid messageId, string templateType);
}
