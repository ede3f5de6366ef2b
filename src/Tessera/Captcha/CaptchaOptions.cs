// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Flows;

namespace Tessera.Captcha;

/// <summary>
/// <c>selfservice.captcha</c>: <c>enabled</c> (false), <c>verify_url</c> (Cloudflare Turnstile's siteverify; any
/// service with the same request and answer works), <c>secret</c> (required when enabled), <c>flows</c> (login,
/// registration, recovery), <c>threshold</c> (0: always; N: once a client address has made N flow submissions in
/// the <c>flow_submissions</c> window) and <c>timeout</c> (5s).
/// </summary>
internal sealed record CaptchaOptions(bool Enabled, Uri VerifyUrl, string Secret, IReadOnlySet<FlowKind> Flows, int Threshold, TimeSpan Timeout)
{
    public static readonly Uri TurnstileVerifyUrl = new("https://challenges.cloudflare.com/turnstile/v0/siteverify");

    public static CaptchaOptions Bind(ConfigurationTree config)
    {
        var enabled = config.GetBool("selfservice.captcha.enabled", false);
        var secret = config.GetString("selfservice.captcha.secret") ?? string.Empty;
        if (enabled && secret.Length == 0)
        {
            throw new ConfigurationException("selfservice.captcha.secret", "is required when selfservice.captcha.enabled is true");
        }

        var names = config.GetStringList("selfservice.captcha.flows");
        var flows = new HashSet<FlowKind>();
        foreach (var name in names.Count == 0 ? ["login", "registration", "recovery"] : names)
        {
            flows.Add(Enum.TryParse<FlowKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !name.Any(char.IsDigit)
                ? kind
                : throw new ConfigurationException("selfservice.captcha.flows", $"unknown flow \"{name}\""));
        }

        return new CaptchaOptions(
            enabled,
            config.GetUri("selfservice.captcha.verify_url", TurnstileVerifyUrl)!,
            secret,
            flows,
            config.GetInt("selfservice.captcha.threshold", 0, 0, 1_000_000),
            config.GetDuration("selfservice.captcha.timeout", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
    }
}
