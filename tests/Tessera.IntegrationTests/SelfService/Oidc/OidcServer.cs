// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// A Tessera server whose oidc method has one generic provider, <c>fixture</c>: the real OpenID provider of
/// <see cref="OidcProviderProcess"/> on loopback. Registration through it signs in (the session hook).
/// </summary>
public abstract class OidcServer(DatabaseKind kind) : IAsyncLifetime
{
    public const string ProviderId = "fixture";

    public OidcProviderProcess Provider { get; private set; } = null!;

    public TesseraTestServer Server { get; private set; } = null!;

    public Uri CallbackUrl => CallbackUrlOf(Server);

    public async Task InitializeAsync()
    {
        Provider = await OidcProviderProcess.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["cookies.secure"] = "false",
            ["secrets.cipher"] = "[\"a cipher key of at least thirty-two characters\"]",
        };
        foreach (var (key, value) in Settings(Endpoints(Provider.Issuer.AbsoluteUri.TrimEnd('/'))))
        {
            settings[key] = value;
        }

        Server = await TesseraTestServer.StartAsync(kind, settings);
        await Provider.ResetAsync(CallbackUrl);
    }

    /// <summary>
    /// The configuration that offers the loopback provider at <paramref name="endpoints"/> (a JSON fragment) as the
    /// generic provider <c>fixture</c>, the e-mail claim mapped to the e-mail trait, signing in after registering through it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(string endpoints)
    {
        var mapper = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"traits\": {\"email\": \"claims.email\"}}"));
        return new Dictionary<string, string>
        {
            ["selfservice.methods.oidc.enabled"] = "true",
            ["selfservice.methods.oidc.config.providers"] = $$"""
                [{"id": "{{ProviderId}}", "provider": "generic", "client_id": "tessera", "client_secret": "tessera-secret",
                  {{endpoints}}, "scope": ["openid", "email", "profile"], "mapper_url": "{{mapper}}", "label": "Fixture"}]
                """,
            ["selfservice.flows.registration.after.oidc.hooks"] = "[{\"hook\": \"session\"}]",
        };
    }

    /// <summary>The callback URL of the provider <c>fixture</c> on <paramref name="server"/>, to register at the provider.</summary>
    public static Uri CallbackUrlOf(TesseraTestServer server) => new(server.PublicUrl, $"/self-service/methods/oidc/callback/{ProviderId}");

    /// <summary>Where the provider is: an OpenID Connect issuer here; subclasses can configure it as plain OAuth2.</summary>
    protected virtual string Endpoints(string issuer) => $"\"issuer_url\": \"{issuer}\"";

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SqliteOidcServer() : OidcServer(DatabaseKind.Sqlite);

public sealed class PostgresOidcServer() : OidcServer(DatabaseKind.Postgres);

/// <summary>
/// The same loopback provider configured as a plain OAuth2 provider, as the github preset is: no <c>issuer_url</c>, so no
/// ID token is read; the claims come from its user info endpoint (<c>user_info_url</c>, oidc-provider's <c>/me</c>).
/// </summary>
public abstract class OidcUserInfoServer(DatabaseKind kind) : OidcServer(kind)
{
    protected override string Endpoints(string issuer) =>
        $"\"auth_url\": \"{issuer}/auth\", \"token_url\": \"{issuer}/token\", \"user_info_url\": \"{issuer}/me\"";
}

public sealed class SqliteOidcUserInfoServer() : OidcUserInfoServer(DatabaseKind.Sqlite);

public sealed class PostgresOidcUserInfoServer() : OidcUserInfoServer(DatabaseKind.Postgres);

/// <summary>The loopback provider as an OpenID Connect issuer with Kratos's <c>claims_source: userinfo</c>: the ID token is validated, the claims come from user info.</summary>
public abstract class OidcClaimsFromUserInfoServer(DatabaseKind kind) : OidcServer(kind)
{
    protected override string Endpoints(string issuer) => $"\"issuer_url\": \"{issuer}\", \"claims_source\": \"userinfo\"";
}

public sealed class SqliteOidcClaimsFromUserInfoServer() : OidcClaimsFromUserInfoServer(DatabaseKind.Sqlite);

public sealed class PostgresOidcClaimsFromUserInfoServer() : OidcClaimsFromUserInfoServer(DatabaseKind.Postgres);
