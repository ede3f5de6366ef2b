// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A real reverse proxy (YARP) on 127.0.0.1 in front of several Tessera nodes: round-robin over the destinations,
/// with YARP's active health checks (<c>GET /health/ready</c> every 500 ms; one failure, a refused connection or no
/// answer in 5 s, marks a node unhealthy) so a node that dies stops receiving requests without the test editing the
/// proxy's configuration. Every answer carries <see cref="NodeHeader"/> naming the destination that served it, so a
/// test knows which node to kill.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    public const string NodeHeader = "X-Test-Node";
    private const string ClusterId = "tessera";

    private readonly WebApplication _app;

    private LoopbackProxy(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Starts the proxy on <paramref name="port"/> with one destination per entry (id -> node's public URL).</summary>
    public static async Task<LoopbackProxy> StartAsync(int port, IReadOnlyDictionary<string, Uri> nodes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var route = new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**rest}" } };
        var cluster = new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = "RoundRobin",
            Destinations = nodes.ToDictionary(n => n.Key, n => new DestinationConfig { Address = n.Value.ToString() }),
            HealthCheck = new HealthCheckConfig
            {
                AvailableDestinationsPolicy = "HealthyOrPanic",
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromMilliseconds(500),
                    Timeout = TimeSpan.FromSeconds(5), // A dead node refuses at once; a busy live one must not drop out.
                    Policy = "ConsecutiveFailures",
                    Path = "/health/ready",
                },
            },
            Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        };
        builder.Services.AddReverseProxy()
            .LoadFromMemory([route], [cluster])
            .AddTransforms(context => context.AddResponseTransform(transform =>
            {
                var destination = transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination;
                transform.HttpContext.Response.Headers[NodeHeader] = destination?.DestinationId;
                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new LoopbackProxy(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>What the proxy's health checks currently say of a destination.</summary>
    public DestinationHealth ActiveHealth(string destinationId) =>
        _app.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster(ClusterId, out var cluster)
            && cluster.Destinations.TryGetValue(destinationId, out var destination)
            ? destination.Health.Active
            : DestinationHealth.Unknown;

    /// <summary>
    /// Whether the load balancer still picks <paramref name="destinationId"/>. YARP marks a destination unhealthy
    /// first and recomputes the available destinations after, so a test that waits for a dead node to leave the
    /// rotation waits for this, not for <see cref="ActiveHealth"/>.
    /// </summary>
    public bool Routes(string destinationId) =>
        _app.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster(ClusterId, out var cluster)
        && cluster.DestinationsState.AvailableDestinations.Any(d => d.DestinationId == destinationId);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
