// SPDX-License-Identifier: Apache-2.0
using System.Net.Mail;
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.Courier;

/// <summary>
/// <c>courier.*</c>. Without <c>courier.smtp.connection_uri</c> the courier delivers to the log (zero configuration).
/// </summary>
internal sealed record CourierOptions(
    SmtpConnection? Smtp,
    MailAddress From,
    IReadOnlyDictionary<string, string> Headers,
    string? TemplateOverridePath,
    int MessageRetries,
    int PullCount,
    TimeSpan PullWait)
{
    /// <summary>How long one SMTP conversation may take before it counts as failed.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="RetryCap"/>.</summary>
    public static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan RetryCap = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claimed batch belongs to its worker. Longer than the worst case of sending the whole batch, so a
    /// live worker never loses a claim; a crashed worker's messages are claimable again once it runs out.
    /// </summary>
    public TimeSpan ClaimLease => (SendTimeout * PullCount) + TimeSpan.FromMinutes(1);

    public static CourierOptions Bind(ConfigurationTree config)
    {
        var strategy = config.GetString("courier.delivery_strategy", "smtp");
        if (strategy != "smtp")
        {
            throw new ConfigurationException("courier.delivery_strategy", $"only smtp is supported, got \"{strategy}\"");
        }

        var uri = config.GetString("courier.smtp.connection_uri");
        var overridePath = config.GetString("courier.template_override_path");
        if (!string.IsNullOrEmpty(overridePath) && !Directory.Exists(overridePath))
        {
            throw new ConfigurationException("courier.template_override_path", $"the folder {overridePath} does not exist");
        }

        return new CourierOptions(
            string.IsNullOrWhiteSpace(uri) ? null : SmtpConnection.Parse(uri),
            BindFrom(config),
            BindHeaders(config),
            string.IsNullOrEmpty(overridePath) ? null : overridePath,
            config.GetInt("courier.message_retries", 5, 0, 100),
            config.GetInt("courier.worker.pull_count", 10, 1, 1000),
            config.GetDuration("courier.worker.pull_wait", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1)));
    }

    private static MailAddress BindFrom(ConfigurationTree config)
    {
        var address = config.GetString("courier.smtp.from_address", "no-reply@ory.kratos.sh")!;
        var name = config.GetString("courier.smtp.from_name");
        try
        {
            return new MailAddress(address, name);
        }
        catch (FormatException)
        {
            throw new ConfigurationException("courier.smtp.from_address", $"\"{address}\" is not an e-mail address");
        }
    }

    private static Dictionary<string, string> BindHeaders(ConfigurationTree config)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (config.GetNode("courier.smtp.headers"))
        {
            case null:
                return headers;
            case JsonObject map:
                foreach (var (name, value) in map)
                {
                    // No control characters anywhere: a CR or LF would let a value inject further headers.
                    if (name.Length == 0 || name.Any(c => c <= ' ' || c >= '\u007f' || c == ':')
                        || value is not JsonValue || value.ToString().Any(char.IsControl))
                    {
                        throw new ConfigurationException($"courier.smtp.headers.{name}", "expected a header name mapped to a single value");
                    }

                    headers[name] = value.ToString();
                }

                return headers;
            default:
                throw new ConfigurationException("courier.smtp.headers", "expected a mapping of header names to values");
        }
    }
}
