// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// <c>serve.public.trusted_proxies</c>: the addresses or CIDR ranges of the load balancers in front of Tessera.
/// Only a connection from one of them may tell us the client's address (<c>X-Forwarded-For</c>); anyone else could
/// forge the header to dodge a per-address limit or to get another address blocked. Empty by default.
/// </summary>
internal sealed record TrustedProxies(IReadOnlyList<IPNetwork> Networks)
{
    public const string Key = "serve.public.trusted_proxies";

    public static TrustedProxies Bind(ConfigurationTree config)
    {
        var networks = new List<IPNetwork>();
        foreach (var text in config.GetStringList(Key))
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(text, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new ConfigurationException(Key, $"\"{text}\" is neither an IP address nor a CIDR range");
            }
        }

        return new TrustedProxies(networks);
    }

    public bool Contains(IPAddress address)
    {
        var normal = ClientAddress.Normalize(address);
        return Networks.Any(n => n.Contains(normal));
    }
}
