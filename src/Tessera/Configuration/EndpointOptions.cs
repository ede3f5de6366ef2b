// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration;

/// <summary>One listener: <c>serve.public</c> or <c>serve.admin</c>.</summary>
internal sealed record EndpointOptions(string Host, int Port, Uri? BaseUrl)
{
    public static EndpointOptions Bind(ConfigurationTree config, string prefix, int defaultPort)
    {
        var host = config.GetString($"{prefix}.host", "127.0.0.1")!;
        if (host.Length == 0)
        {
            host = "0.0.0.0";
        }

        var port = config.GetInt($"{prefix}.port", defaultPort, 0, 65535);
        var baseUrl = config.GetUri($"{prefix}.base_url");
        return new EndpointOptions(host, port, baseUrl);
    }
}
