// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.Configuration;
using Tessera.Hosting;
using Tessera.Projects.Overlays;

namespace Tessera.RateLimiting;

internal static class RateLimitingRegistration
{
    /// <summary>
    /// Rate limits, brute-force protection and the captcha, and the one client-address resolver they (and sessions)
    /// use, which is registered here because trusted proxies exist for their sake.
    /// </summary>
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(TrustedProxies.Bind(config));
        services.AddSingleton<ClientAddress>();
        services.AddProjectOptions(config, RateLimitOptions.Bind);
        services.AddSingleton<RateLimitPolicies>();
        services.AddSingleton<RateLimitStore>();
        services.AddSingleton<RateLimitKey>();
        services.AddSingleton<LocalBlocks>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<BruteForceProtection>();
        services.AddSingleton<FlowRefusal>();
        services.AddSingleton<LoginAttemptGuard>();
        services.AddSingleton<SecondFactorAttempts>();
        services.AddSingleton<CodeSendGuard>();
        services.AddSingleton(CaptchaOptions.Bind(config));
        services.AddSingleton<CaptchaVerifier>();
        services.AddSingleton<CaptchaGate>();
        return services;
    }

    /// <summary>The request-level buckets (self-service submissions, whoami); after the request id and error handling.</summary>
    public static WebApplication UseRateLimiting(this WebApplication app)
    {
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
