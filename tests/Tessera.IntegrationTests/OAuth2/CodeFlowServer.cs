// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.IntegrationTests.Fixtures;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// A server whose /oauth2/auth signs in at once (the test seam standing in for Tessera's login and consent pages,
/// which are not part of these tests): the subject is the request's <c>login_hint</c>, the granted scopes are the
/// requested ones. The code itself is minted by OpenIddict's real pipeline, exactly as the login pages will.
/// </summary>
public abstract class CodeFlowServer(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static void SignInAtOnce(IServiceCollection services)
    {
        // The seam answers in OpenIddict's pipeline, so the request must not be passed through to an endpoint.
        services.Configure<OpenIddictServerAspNetCoreOptions>(options => options.EnableAuthorizationEndpointPassthrough = false);
        services.AddOpenIddict().AddServer().AddEventHandler<OpenIddictServerEvents.HandleAuthorizationRequestContext>(handler => handler
            .UseInlineHandler(context =>
            {
                var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, context.Request.LoginHint ?? "subject-1"));
                var principal = new ClaimsPrincipal(identity).SetScopes(context.Request.GetScopes());
                context.SignIn(principal);
                return default;
            })
            .SetOrder(int.MinValue + 1_000));
    }

    public async Task InitializeAsync() =>
        _server = await TesseraTestServer.StartAsync(Kind, new Dictionary<string, string> { ["oauth2.grant.refresh_token.rotation_grace_period"] = "5s" }, services: SignInAtOnce);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class SqliteCodeFlowServer() : CodeFlowServer(DatabaseKind.Sqlite);

public sealed class PostgresCodeFlowServer() : CodeFlowServer(DatabaseKind.Postgres);
