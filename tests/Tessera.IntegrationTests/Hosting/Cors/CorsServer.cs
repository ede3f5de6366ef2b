// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting.Cors;

/// <summary>CORS on both listeners, each with its own origins; the public one with a wildcard sub-domain.</summary>
public sealed class CorsServer() : ServerFixture(DatabaseKind.Sqlite)
{
    public const string App = "https://app.example.com";
    public const string AdminConsole = "https://console.example.net";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["serve.public.cors.enabled"] = "true",
        ["serve.public.cors.allowed_origins"] = $"[\"{App}\", \"https://*.example.org\"]",
        ["serve.public.cors.max_age"] = "600",
        ["serve.admin.cors.enabled"] = "true",
        ["serve.admin.cors.allowed_origins"] = $"[\"{AdminConsole}\"]",
        ["serve.admin.cors.allow_credentials"] = "false",
    };
}
