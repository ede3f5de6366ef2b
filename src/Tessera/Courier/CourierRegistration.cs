// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;
using Tessera.Courier.Channels;
using Tessera.Persistence.Cleanup;
using Tessera.SelfService.Hooks;
using Tessera.Projects.Overlays;

namespace Tessera.Courier;

internal static class CourierRegistration
{
    /// <summary>The outbox, its templates, the delivery channels (SMTP or the log; courier.channels' SMS gateway or the log) and the worker.</summary>
    public static IServiceCollection AddCourier(this IServiceCollection services, ConfigurationTree config)
    {
        var options = CourierOptions.Bind(config);
        services.AddSingleton(options);

        // Failures are counted by their catalog id (ErrorMetrics, registered by the error system: AddErrors, or
        // AddErrorMetrics where `tessera courier watch` runs the courier without the rest of the server).
        // Built now: it compiles the override folder's templates, so a broken one stops start-up with its path.
        services.AddProjectOptions(config, CourierTemplateOverrides.Bind);
        services.AddSingleton(sp => new EmailTemplates(options, sp.GetRequiredService<ProjectOptions<CourierTemplateOverrides>>()));
        services.AddSingleton<CourierStore>();
        services.AddSingleton<CourierOutbox>();
        services.AddSingleton<CourierDispatcher>();
        services.AddSingleton<CourierQueueGauge>();
        if (options.Smtp is null)
        {
            services.AddSingleton<IEmailChannel, LogEmailChannel>();
        }
        else
        {
            services.AddSingleton<IEmailChannel, SmtpEmailChannel>();
        }

        // courier.channels: the sms channel (an HTTP gateway), sent as web hooks are; the log without one.
        services.TryAddSingleton<WebHookSender>();
        services.AddSingleton<LogSmsChannel>();
        foreach (var channel in HttpChannelConfigParser.Parse(config))
        {
            services.AddSingleton(s => new HttpCourierChannel(channel, s.GetRequiredService<WebHookSender>()));
        }

        services.AddSingleton<CourierChannels>();
        services.AddHostedService<CourierWorker>();

        // Codes and links must not outlive their use in the outbox: bodies are blanked a day after delivery and
        // messages deleted a week after (courier.message_retention.*).
        services.AddSingleton(CourierRetentionOptions.Bind(config));
        services.AddSingleton<CourierRetention>();
        services.AddCleanupTask<CourierRetention>("courier message bodies", (retention, _, ct) => retention.RedactBodiesAsync(ct));
        services.AddCleanupTask<CourierRetention>("courier messages", (retention, _, ct) => retention.DeleteMessagesAsync(ct));
        return services;
    }
}
