// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A loopback port nobody listens on right now (for processes that cannot be told to use port 0), never one this test
/// process was given before: the system may hand a just-closed port out again, and two calls in a row (a public and an
/// admin port) once got the same one (seen in CI).
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> Given = new();

    public static int Next()
    {
        while (true)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            if (Given.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
