// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>What the route value <c>{id}</c> of an admin endpoint names, so a bound key's reach can be checked before the handler runs.</summary>
internal enum AdminRouteTarget
{
    None,
    Project,
    Workspace,
}
