// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// <c>selfservice.methods.link</c>: whether the method is on (Kratos's default: off), how long an e-mailed link works
/// (<c>config.lifespan</c>, default 1h), and the base of the links (<c>config.base_url</c>; Kratos has deprecated it in
/// favour of the request's URL, Tessera uses it when set and the public base URL otherwise, never a request header).
/// </summary>
internal sealed record LinkMethodOptions(bool Enabled, TimeSpan Lifespan, Uri? BaseUrl)
{
    public const string Method = "link";

    public static LinkMethodOptions Bind(ConfigurationTree config) => new(
        config.GetBool("selfservice.methods.link.enabled", false),
        config.GetDuration("selfservice.methods.link.config.lifespan", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
        config.GetUri("selfservice.methods.link.config.base_url"));

    /// <summary>
    /// The method a recovery or verification flow uses (<c>selfservice.flows.&lt;kind&gt;.use</c>: <c>code</c>, Kratos's
    /// default, or <c>link</c>). <c>link</c> needs the method on when the flow is on, or no flow could ever finish.
    /// </summary>
    public static string FlowMethod(ConfigurationTree config, string flow)
    {
        var key = $"selfservice.flows.{flow}.use";
        var use = config.GetString(key, "code");
        if (use is not ("code" or Method))
        {
            throw new ConfigurationException(key, $"\"{use}\" is not supported; use \"code\" or \"link\"");
        }

        if (use == Method && config.GetBool($"selfservice.flows.{flow}.enabled", false) && !config.GetBool("selfservice.methods.link.enabled", false))
        {
            throw new ConfigurationException(key, "is \"link\" but selfservice.methods.link.enabled is false; enable the link method or use \"code\"");
        }

        return use!;
    }
}
