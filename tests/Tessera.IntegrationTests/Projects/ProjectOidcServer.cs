// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// A server routed by host (<see cref="ProjectHosts"/>) whose configuration file offers no social sign-in, and the real
/// OpenID provider of <see cref="OidcProviderProcess"/> on loopback, for projects whose overlays add it as <c>acme</c>.
/// </summary>
public abstract class ProjectOidcServer(DatabaseKind kind) : IAsyncLifetime
{
    public const string ProviderId = "acme";

    /// <summary>The client secret the provider expects (client_secret_basic).</summary>
    public const string ClientSecret = "tessera-secret";

    public OidcProviderProcess Provider { get; private set; } = null!;

    public TesseraTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProviderProcess.StartAsync();
        Server = await TesseraTestServer.StartAsync(kind, ProjectHosts.Settings(new Dictionary<string, string>
        {
            ["cookies.secure"] = "false",
            ["secrets.cipher"] = "[\"a cipher key of at least thirty-two characters\"]",
            ["selfservice.flows.registration.after.oidc.hooks"] = "[{\"hook\": \"session\"}]",
        }));
    }

    /// <summary>The callback URL of <c>acme</c> on <paramref name="host"/>, as the server writes it (the base URL's port).</summary>
    public static Uri CallbackUrl(string host) => new($"http://{host}:4433/self-service/methods/oidc/callback/{ProviderId}");

    /// <summary>An overlay that offers the loopback provider as <c>acme</c> with <paramref name="provider"/>'s members on top.</summary>
    public JsonObject Overlay(JsonObject? provider = null)
    {
        var mapper = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"traits\": {\"email\": \"claims.email\"}}"));
        var entry = new JsonObject
        {
            ["id"] = ProviderId,
            ["provider"] = "generic",
            ["client_id"] = "tessera",
            ["client_secret"] = ClientSecret,
            ["issuer_url"] = Provider.Issuer.AbsoluteUri.TrimEnd('/'),
            ["scope"] = new JsonArray("openid", "email"),
            ["mapper_url"] = mapper,
            ["label"] = "Acme",
        };
        foreach (var (key, value) in provider ?? [])
        {
            entry[key] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["selfservice"] = new JsonObject
            {
                ["methods"] = new JsonObject { ["oidc"] = new JsonObject { ["enabled"] = true, ["config"] = new JsonObject { ["providers"] = new JsonArray(entry) } } },
            },
        };
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SqliteProjectOidcServer() : ProjectOidcServer(DatabaseKind.Sqlite);

public sealed class PostgresProjectOidcServer() : ProjectOidcServer(DatabaseKind.Postgres);
