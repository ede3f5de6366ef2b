// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Net;
using Tessera.Hosting.Outbound;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The outbound audit every in-process test server carries: a connection to anything but loopback is recorded and
/// refused before its host is resolved, so no test sends a request (or a DNS look-up) off the machine, whatever
/// its configuration. <see cref="Attempts"/> lists what this server tried.
/// </summary>
internal sealed class LoopbackOnlyOutbound : IOutboundConnectAudit
{
    private readonly ConcurrentQueue<string> _refused = new();

    public IReadOnlyCollection<string> Attempts => _refused.ToArray();

    public void Connecting(string host, int port)
    {
        if (host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
        {
            return;
        }

        _refused.Enqueue($"{host}:{port}");
        throw new InvalidOperationException($"A test server tried to connect to {host}:{port}; tests stay on loopback.");
    }
}
