// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>The self-service journeys. The lower-case name is the path segment and the configuration key.</summary>
internal enum FlowKind
{
    Login,
    Registration,
    Settings,
    Recovery,
    Verification,
}
