// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>System errors shown on a flow: 5000xxx.</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage ErrorSystemGeneric = new(5000001, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorSystemNoAuthenticationMethodsAvailable = new(5000002, UiMessageType.Error, "No authentication methods are available. Please contact the system administrator.");

    public static readonly UiMessage ErrorSystemOrganizationNoSSOProvidersAvailable = new(5000003, UiMessageType.Error, "Your organization requires SSO authentication, but no SSO provider is configured. Please contact the system administrator.");
}
