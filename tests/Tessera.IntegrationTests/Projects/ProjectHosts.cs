// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// A server routed by host (<c>serve.public.base_domain: tessera.test</c>, base URL on <c>id.tessera.test</c>) and
/// requests that name their project by the Host header, all sent to 127.0.0.1.
/// </summary>
internal static class ProjectHosts
{
    public const string BaseDomain = "tessera.test";
    public const string DefaultHost = "id.tessera.test";

    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["serve.public.base_domain"] = BaseDomain,
            ["serve.public.base_url"] = $"http://{DefaultHost}:4433/",
            ["selfservice.flows.recovery.enabled"] = "true",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string Slug() => "p" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a project through the admin API; returns its id and its host under the base domain.</summary>
    public static async Task<(Guid Id, string Host)> CreateProjectAsync(TesseraTestServer server)
    {
        var slug = Slug();
        using var response = await server.Admin.PostAsJsonAsync("/admin/projects", new { name = "Project " + slug, slug });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        return (body.RootElement.GetProperty("id").GetGuid(), $"{slug}.{BaseDomain}");
    }

    /// <summary>An identity with a password in <paramref name="projectId"/> (the admin API serves the default project).</summary>
    public static async Task<Guid> CreateIdentityAsync(TesseraTestServer server, Guid projectId, string email, string password)
    {
        var body = new JsonObject
        {
            ["traits"] = new JsonObject { ["email"] = email },
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = password } } },
        };
        var (draft, error) = IdentityDraftParser.Parse(body);
        draft.ShouldNotBeNull(error);
        using var project = NetworkContext.Enter(projectId);
        var result = await server.Services.GetRequiredService<IdentityManager>().CreateAsync(draft);
        result.Succeeded.ShouldBeTrue();
        return result.Value.Id;
    }

    public static async Task<HttpResponseMessage> SendAsync(
        TesseraTestServer server, string host, HttpMethod method, string path, object? json = null, string? accept = null, string? sessionToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (sessionToken is not null)
        {
            request.Headers.Add("X-Session-Token", sessionToken);
        }

        return await server.Public.SendAsync(request);
    }

    /// <summary>
    /// A browser at <paramref name="host"/> (its URLs as the server writes them, on the base URL's port): every host under
    /// the base domain is connected to the server's public listener, any other to 127.0.0.1 at its own port (the
    /// loopback fakes), so redirects between them are followed as a browser would.
    /// </summary>
    public static BrowserClient Browser(TesseraTestServer server, string host) =>
        new(new Uri($"http://{host}:4433/"), async (context, cancellationToken) =>
        {
            var port = context.DnsEndPoint.Host.EndsWith(BaseDomain, StringComparison.OrdinalIgnoreCase) ? server.PublicUrl.Port : context.DnsEndPoint.Port;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });

    public static Task<HttpResponseMessage> GetAsync(TesseraTestServer server, string host, string path, string? accept = null) =>
        SendAsync(server, host, HttpMethod.Get, path, accept: accept);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new API login flow on <paramref name="host"/>; returns its JSON.</summary>
    public static async Task<JsonElement> NewApiFlowAsync(TesseraTestServer server, string host, string kind)
    {
        using var response = await GetAsync(server, host, $"/self-service/{kind}/api");
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>
    /// The built-in login page as a browser on <paramref name="host"/> gets it (the init endpoint redirects to it and sets
    /// the CSRF cookie it needs): its HTML and its Content-Security-Policy.
    /// </summary>
    public static async Task<(string Html, string Csp)> LoginPageAsync(TesseraTestServer server, string host)
    {
        using var started = await GetAsync(server, host, "/self-service/login/browser", "text/html");
        started.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await started.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, started.Headers.Location!.PathAndQuery);
        request.Headers.Host = host;
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add("Cookie", string.Join("; ", started.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var page = await server.Public.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return (html, page.Headers.GetValues("Content-Security-Policy").Single());
    }
}
