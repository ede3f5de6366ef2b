// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting;

/// <summary>The two APIs Tessera serves, each on its own listener (Kratos's public 4433 and admin 4434).</summary>
[Flags]
internal enum Surface
{
    None = 0,
    Public = 1,
    Admin = 2,
    Both = Public | Admin,
}
