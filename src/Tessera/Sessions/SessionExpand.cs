// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>What an admin session read adds to the session (Kratos's <c>expand</c>): nothing unless asked.</summary>
[Flags]
internal enum SessionExpand
{
    None = 0,
    Identity = 1,
    Devices = 2,
    Everything = Identity | Devices,
}
