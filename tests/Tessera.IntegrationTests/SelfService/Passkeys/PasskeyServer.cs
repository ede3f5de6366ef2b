// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>A <see cref="LocalhostServer"/> with passkeys and security keys (as a second factor) on.</summary>
public sealed class PasskeyServer : LocalhostServer
{
    protected override Dictionary<string, string> Configuration(int port) => Settings(port, $"[\"http://localhost:{port}\"]");

    /// <summary>The configuration of a passkey server on <paramref name="port"/> whose relying party accepts <paramref name="originsJson"/>.</summary>
    public static Dictionary<string, string> Settings(int port, string originsJson) => new()
    {
        ["serve.public.port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["serve.public.base_url"] = $"http://localhost:{port}/",
        ["cookies.secure"] = "false",
        ["selfservice.methods.passkey.enabled"] = "true",
        ["selfservice.methods.passkey.config.rp.id"] = "localhost",
        ["selfservice.methods.passkey.config.rp.display_name"] = "Tessera tests",
        ["selfservice.methods.passkey.config.rp.origins"] = originsJson,
        ["selfservice.methods.webauthn.enabled"] = "true",
        ["selfservice.methods.webauthn.config.rp.id"] = "localhost",
        ["selfservice.methods.webauthn.config.rp.display_name"] = "Tessera tests",
        ["selfservice.methods.webauthn.config.rp.origins"] = originsJson,
    };
}
