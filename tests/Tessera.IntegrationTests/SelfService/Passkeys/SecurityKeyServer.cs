// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A <see cref="LocalhostServer"/> whose security keys are a first factor
/// (<c>selfservice.methods.webauthn.config.passwordless: true</c>). The passkey method is off: its conditional UI would
/// answer the login page with the same (discoverable) key before the security-key button is pressed.
/// </summary>
public sealed class SecurityKeyServer : LocalhostServer
{
    protected override Dictionary<string, string> Configuration(int port)
    {
        var settings = PasskeyServer.Settings(port, $"[\"http://localhost:{port}\"]");
        settings["selfservice.methods.passkey.enabled"] = "false";
        settings["selfservice.methods.webauthn.config.passwordless"] = "true";
        return settings;
    }
}
