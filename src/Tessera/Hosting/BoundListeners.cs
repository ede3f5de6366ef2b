// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tessera.Hosting;

/// <summary>The two listeners as Kestrel bound them (with port 0 the real port is known only after start).</summary>
internal sealed class BoundListeners
{
    public ListenOptions? Public { get; set; }

    public ListenOptions? Admin { get; set; }

    public Uri PublicUrl => Url(Public);

    public Uri AdminUrl => Url(Admin);

    private static Uri Url(ListenOptions? listen) => listen?.EndPoint is IPEndPoint ip
        ? new Uri($"http://{(ip.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : ip.Address)}:{ip.Port}/")
        : throw new InvalidOperationException("The listener is not bound yet.");
}
