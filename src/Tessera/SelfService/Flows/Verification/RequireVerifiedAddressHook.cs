// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// Kratos's <c>require_verified_address</c> login hook (<c>selfservice.flows.login.after[.password].hooks</c>): an
/// identity none of whose addresses is verified is not signed in; the flow carries 4000010
/// (<c>session_verified_address_required</c>). It runs after the password was proven, so it reveals nothing to
/// someone who does not know it.
/// </summary>
internal sealed class RequireVerifiedAddressHook(bool enabled)
{
    private static readonly string[] HookLists = ["selfservice.flows.login.after.hooks", "selfservice.flows.login.after.password.hooks"];

    public static RequireVerifiedAddressHook Bind(ConfigurationTree config)
    {
        var configured = HookLists
            .Select(config.GetNode)
            .OfType<JsonArray>()
            .SelectMany(hooks => hooks)
            .Any(hook => hook?["hook"]?.ToString() == "require_verified_address");
        return new RequireVerifiedAddressHook(configured);
    }

    /// <summary>The message refusing the login, or null when it may proceed.</summary>
    public UiText? Refusal(Identity identity) =>
        enabled && !identity.VerifiableAddresses.Any(a => a.Verified) ? UiMessages.ValidationAddressNotVerified.With() : null;
}
