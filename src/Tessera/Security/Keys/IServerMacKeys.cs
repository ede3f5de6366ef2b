// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.Keys;

/// <summary>
/// The server's keys for MACs over values it hands out and must recognise later (the CSRF cookie). One key per
/// purpose, derived so that a MAC made for one purpose never verifies for another. The first key signs; every key
/// verifies, so a rotated-out key keeps verifying until removed. The one plug point for the server secret
/// (<c>secrets.default</c>, when it exists).
/// </summary>
internal interface IServerMacKeys
{
    IReadOnlyList<byte[]> For(string purpose);
}
