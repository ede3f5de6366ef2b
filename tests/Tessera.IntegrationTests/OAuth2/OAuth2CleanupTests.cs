// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.Authorization.Logout;
using Tessera.OAuth2.Tokens;
using Tessera.Persistence.Cleanup;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// The janitor's OAuth2 part, through the one cleanup pass: login, consent and logout requests live for
/// <c>ttl.login_consent_request</c> and go an hour after; expired tokens go an hour after their expiry.
/// </summary>
public abstract class OAuth2CleanupTests(DatabaseKind kind)
{
    [Fact]
    public async Task Requests_LiveForTtlLoginConsentRequest_AndThePassDeletesThemAnHourAfter()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["ttl.login_consent_request"] = "1m" });
        var (flow, challenge) = await server.Services.GetRequiredService<LoginRequests>().CreateAsync(new NewLoginRequest(
            "client-1", new Uri(server.PublicUrl, "/oauth2/auth?client_id=client-1").AbsoluteUri, ["openid"], [], new OidcContext()));
        var (logout, logoutChallenge) = await server.Services.GetRequiredService<LogoutRequests>().CreateAsync(new LogoutRequest
        {
            Subject = "subject-1", RequestUrl = new Uri(server.PublicUrl, "/oauth2/sessions/logout").AbsoluteUri,
        });
        var pass = server.Services.GetRequiredService<CleanupPass>();

        (flow.ExpiresAt - flow.RequestedAt).ShouldBe(TimeSpan.FromMinutes(1));
        (logout.ExpiresAt - logout.RequestedAt).ShouldBe(TimeSpan.FromMinutes(1));
        server.Clock.Advance(TimeSpan.FromMinutes(30));
        await pass.RunAsync(CancellationToken.None);
        using var expired = await server.Admin.GetAsync($"/admin/oauth2/auth/requests/login?login_challenge={challenge}");
        server.Clock.Advance(TimeSpan.FromHours(1));
        await pass.RunAsync(CancellationToken.None);
        using var gone = await server.Admin.GetAsync($"/admin/oauth2/auth/requests/login?login_challenge={challenge}");
        using var logoutGone = await server.Admin.GetAsync($"/admin/oauth2/auth/requests/logout?logout_challenge={logoutChallenge}");

        expired.StatusCode.ShouldNotBe(HttpStatusCode.NotFound);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        logoutGone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpiredTokens_AreDeletedByThePass_AnHourAfterTheirExpiry()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var client = await CreateServiceClientAsync(server);
        var (status, body) = await SendAsync(server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        // A self-contained client_credentials token has no row until it is revoked; its revocation row is what expires.
        var (revoked, _) = await SendAsync(server.Public, IntrospectionTests.RevokeRequest(body["access_token"]!.ToString(), client));
        revoked.ShouldBe(HttpStatusCode.OK);
        var signature = server.Services.GetRequiredService<OpaqueTokens>().Signature(body["access_token"]!.ToString());
        var tokens = server.Services.GetRequiredService<TokenStore>();
        var pass = server.Services.GetRequiredService<CleanupPass>();

        server.Clock.Advance(TimeSpan.FromMinutes(90)); // expired 30 min ago: kept
        await pass.RunAsync(CancellationToken.None);
        var kept = await tokens.FindAsync(signature);
        server.Clock.Advance(TimeSpan.FromHours(1));
        await pass.RunAsync(CancellationToken.None);

        kept.ShouldNotBeNull();
        (await tokens.FindAsync(signature)).ShouldBeNull();
    }
}

public sealed class SqliteOAuth2CleanupTests() : OAuth2CleanupTests(DatabaseKind.Sqlite);

public sealed class PostgresOAuth2CleanupTests() : OAuth2CleanupTests(DatabaseKind.Postgres);
