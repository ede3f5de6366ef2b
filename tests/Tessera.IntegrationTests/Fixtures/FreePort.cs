// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Sockets;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>A loopback port nobody listens on right now (for processes that cannot be told to use port 0).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
