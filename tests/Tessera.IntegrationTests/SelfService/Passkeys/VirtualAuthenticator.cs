// SPDX-License-Identifier: Apache-2.0
using Microsoft.Playwright;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Chromium's virtual authenticator (Chrome DevTools Protocol <c>WebAuthn.addVirtualAuthenticator</c>): a platform
/// authenticator with resident keys and user verification that always verifies and signs with a counter that goes up.
/// </summary>
internal static class VirtualAuthenticator
{
    public static async Task AttachAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
