// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Configuration;
using Tessera.Hosting;
using Tessera.Hosting.Outbound;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The real server, started in-process the way <c>tessera serve</c> starts it, on two free loopback ports, with
/// a fresh database of the given kind and a clock the test controls. Clients talk real HTTP to it. The machine has
/// no internet: the haveibeenpwned check is off unless a test turns it on against a loopback fake, and every
/// outbound connection passes <see cref="LoopbackOnlyOutbound"/>.
/// </summary>
public sealed class TesseraTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TesseraTestServer(WebApplication app, FakeClock clock, string dsn)
    {
        _app = app;
        Clock = clock;
        Dsn = dsn;
        var listeners = app.Services.GetRequiredService<BoundListeners>();
        PublicUrl = listeners.PublicUrl;
        AdminUrl = listeners.AdminUrl;
        // As documented on the properties: no redirects followed, no cookies kept (tests assert the 303s themselves).
        Public = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = PublicUrl };
        Admin = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = AdminUrl };
    }

    /// <summary>What every test server starts with so that nothing calls out (a test's own settings may override).</summary>
    public static IReadOnlyDictionary<string, string> OfflineSettings { get; } = new Dictionary<string, string>
    {
        ["selfservice.methods.password.config.haveibeenpwned_enabled"] = "false",
        // Domain verification asks a port on loopback where nothing answers, never the system's resolvers.
        ["projects.domains.verification.nameservers"] = "127.0.0.1:9",
        ["projects.domains.verification.timeout"] = "1s",
    };

    public FakeClock Clock { get; }

    public string Dsn { get; }

    public Uri PublicUrl { get; }

    public Uri AdminUrl { get; }

    /// <summary>A plain API client for the public listener (no cookies kept, redirects not followed).</summary>
    public HttpClient Public { get; }

    public HttpClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The CSRF cookie's name as the server derives it (Kratos's <c>csrf_token_&lt;hash of the base URL&gt;</c>).</summary>
    public string CsrfCookieName => Services.GetRequiredService<Tessera.Security.Csrf.CsrfCookie>().Name;

    /// <param name="kind">The database to run on (a fresh one).</param>
    /// <param name="settings">Configuration keys in Kratos's dotted form, e.g. <c>["selfservice.flows.login.lifespan"] = "1s"</c>.</param>
    /// <param name="environment">Environment variables as the server would see them (the test process's own are not used).</param>
    /// <param name="logs">An extra logger provider, for tests that assert what the server logs (at <c>log.level</c> warning).</param>
    /// <param name="services">Test seams added to the server's services (after its own).</param>
    public static async Task<TesseraTestServer> StartAsync(
        DatabaseKind kind,
        IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? dsn = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        EmittedIds.Start();
        dsn ??= await TestDatabases.CreateAsync(kind);
        var config = new ConfigurationTree([], environment ?? new Dictionary<string, string>());
        config.Set("dsn", JsonValue.Create(dsn));
        config.Set("serve.public.port", JsonValue.Create("0"));
        config.Set("serve.admin.port", JsonValue.Create("0"));
        config.Set("serve.migrate", JsonValue.Create("true"));
        config.Set("log.level", JsonValue.Create("warning"));
        // The fake clock stands still unless a test moves it, so per-minute windows never slide: a class sharing one
        // server would meet the flow-creation limit by accident. Tests of that bucket set their own limit.
        config.Set("rate_limits.buckets.flow_creations.limit", JsonValue.Create("1000000"));
        foreach (var (key, value) in OfflineSettings)
        {
            config.Set(key, JsonValue.Create(value));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            config.Set(key, value.StartsWith('[') || value.StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value));
        }

        var clock = new FakeClock();
        var app = await ServerStartup.StartAsync(config, collection =>
        {
            collection.AddSingleton<TimeProvider>(clock);
            collection.AddSingleton<IOutboundConnectAudit, LoopbackOnlyOutbound>();
            if (logs is not null)
            {
                collection.AddSingleton(logs);
            }

            services?.Invoke(collection);
        }, CancellationToken.None);
        return new TesseraTestServer(app, clock, dsn);
    }

    public async ValueTask DisposeAsync()
    {
        Public.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
