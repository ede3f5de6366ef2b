// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Outbound;

/// <summary>
/// Told of every outbound connection before its host is even resolved. Production registers none; the test
/// fixtures register one that refuses (and records) anything but loopback, so that no test can reach off the machine.
/// </summary>
internal interface IOutboundConnectAudit
{
    /// <summary>Throws to stop the connection.</summary>
    void Connecting(string host, int port);
}
