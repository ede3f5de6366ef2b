// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration;

/// <summary>How the server listens (<c>serve.*</c>) and whether it runs in development mode (<c>dev</c>).</summary>
internal sealed record ServeOptions(
    EndpointOptions Public,
    EndpointOptions Admin,
    long RequestBodyLimit,
    int RequestHeadersLimit,
    bool Migrate,
    bool Dev)
{
    public const int DefaultPublicPort = 4433;
    public const int DefaultAdminPort = 4434;

    public static ServeOptions Bind(ConfigurationTree config)
    {
        var publicEndpoint = EndpointOptions.Bind(config, "serve.public", DefaultPublicPort);
        var adminEndpoint = EndpointOptions.Bind(config, "serve.admin", DefaultAdminPort);
        if (publicEndpoint.Port != 0 && publicEndpoint.Port == adminEndpoint.Port && publicEndpoint.Host == adminEndpoint.Host)
        {
            throw new ConfigurationException("serve.admin.port", $"must differ from serve.public.port ({publicEndpoint.Port})");
        }

        return new ServeOptions(
            publicEndpoint,
            adminEndpoint,
            config.GetLong("serve.public.request_body_limit", 1024 * 1024, 1024, 1L << 30),
            config.GetInt("serve.public.request_headers_limit", 32 * 1024, 4096, 1 << 20),
            config.GetBool("serve.migrate", false),
            config.GetBool("dev", false));
    }
}
