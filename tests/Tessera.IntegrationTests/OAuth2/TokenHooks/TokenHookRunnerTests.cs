// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.TokenHooks;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.OAuth2.TokenHooks;

/// <summary>
/// Issue 20's token hooks (seed C4) against a real hook on 127.0.0.1: 200 with claims, 204, 403, 500, a garbage
/// body, a hook slower than its timeout and one that is down; every call in the hook execution log.
/// </summary>
public abstract class TokenHookRunnerTests(TokenHookServer fixture)
{
    private WebHookReceiver Receiver => fixture.Receiver;

    private static TokenHookRequest NewRequest(string grant = "client_credentials") =>
        new(grant, "app-client", Guid.NewGuid().ToString(), ["openid", "offline"], ["https://api.example"])
        {
            AccessTokenClaims = new JsonObject { ["from_consent"] = "c" },
        };

    private static string NewPath() => "/hook-" + Guid.NewGuid().ToString("N");

    private async Task<(Result<TokenHookClaims> Result, TimeSpan Took)> RunAsync(string path, TokenHookRequest request, TimeSpan? timeout = null)
    {
        var runner = fixture.RunnerFor(Receiver.UrlFor(path), timeout ?? TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();
        var result = await runner.RunAsync(request, CancellationToken.None);
        return (result, watch.Elapsed);
    }

    private async Task<JsonElement> SingleExecutionAsync(TokenHookRequest request)
    {
        using var log = JsonDocument.Parse(await fixture.Server.Admin.GetStringAsync($"/admin/hooks/executions?identity_id={request.Subject}"));
        return log.RootElement.EnumerateArray().ShouldHaveSingleItem().Clone();
    }

    [Fact]
    public async Task Hook200WithSession_ReturnsItsClaims_AndLogsSucceeded()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(200, """{"session": {"access_token": {"tenant": "t1"}, "id_token": {"name": "Ada", "sub": "not-you"}}}"""));

        var (result, _) = await RunAsync(path, request);

        result.Succeeded.ShouldBeTrue();
        result.Value.AccessToken!["tenant"]!.GetValue<string>().ShouldBe("t1");
        result.Value.IdToken!["name"]!.GetValue<string>().ShouldBe("Ada");
        result.Value.IdToken!.ContainsKey("sub").ShouldBeFalse();
        var sent = JsonNode.Parse(Receiver.ReceivedFor(path, string.Empty).ShouldHaveSingleItem().Body)!;
        sent["request"]!["client_id"]!.GetValue<string>().ShouldBe("app-client");
        sent["request"]!["grant_types"]![0]!.GetValue<string>().ShouldBe("client_credentials");
        sent["session"]!["extra"]!["from_consent"]!.GetValue<string>().ShouldBe("c");
        var execution = await SingleExecutionAsync(request);
        execution.GetProperty("point").GetString().ShouldBe("oauth2.token_hook");
        execution.GetProperty("status_code").GetInt32().ShouldBe(200);
        execution.GetProperty("outcome").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Hook204_ProceedsUnchanged()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(204));

        var (result, _) = await RunAsync(path, request);

        result.Value.IsEmpty.ShouldBeTrue();
        (await SingleExecutionAsync(request)).GetProperty("outcome").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Hook403_IsAccessDenied_AndLoggedRefused()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(403));

        var (result, _) = await RunAsync(path, request);

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookDenied);
        var execution = await SingleExecutionAsync(request);
        execution.GetProperty("status_code").GetInt32().ShouldBe(403);
        execution.GetProperty("outcome").GetString().ShouldBe("refused");
    }

    [Fact]
    public async Task Hook500_IsServerErrorNamingTheStatus_AfterItsRetries()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(500));

        var (result, _) = await RunAsync(path, request);

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookFailed);
        result.Error.EffectiveReason.ShouldBe("The token hook answered 500.");
        var execution = await SingleExecutionAsync(request);
        execution.GetProperty("status_code").GetInt32().ShouldBe(500);
        execution.GetProperty("attempts").GetInt32().ShouldBe(3);
        execution.GetProperty("outcome").GetString().ShouldBe("aborted");
        execution.GetProperty("error").GetString().ShouldBe("answered 500");
    }

    [Fact]
    public async Task Hook200WithGarbage_IsServerError()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(200, "<html>not json</html>"));

        var (result, _) = await RunAsync(path, request);

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookFailed);
        result.Error.EffectiveReason.ShouldBe("The token hook answered 200 with a body that is not JSON.");
        (await SingleExecutionAsync(request)).GetProperty("outcome").GetString().ShouldBe("aborted");
    }

    [Fact]
    public async Task HookSlowerThanItsTimeout_IsServerErrorWithinTheTimeout()
    {
        var path = NewPath();
        var request = NewRequest();
        Receiver.Script(path, string.Empty, new Reply(200, "{}", Delay: TimeSpan.FromSeconds(10)));

        var (result, took) = await RunAsync(path, request, TimeSpan.FromSeconds(1));

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookFailed);
        result.Error.EffectiveReason.ShouldBe("The token hook did not answer within 1s.");
        took.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        var execution = await SingleExecutionAsync(request);
        execution.TryGetProperty("status_code", out _).ShouldBeFalse();
        execution.GetProperty("outcome").GetString().ShouldBe("aborted");
    }

    [Fact]
    public async Task HookDown_IsServerErrorWithinItsTimeout()
    {
        var request = NewRequest();
        var runner = fixture.RunnerFor($"http://127.0.0.1:{FreePort.Next()}/token", TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();

        var result = await runner.RunAsync(request, CancellationToken.None);

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookFailed);
        result.Error.EffectiveReason.ShouldBe("The token hook could not be reached.");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        var execution = await SingleExecutionAsync(request);
        execution.GetProperty("outcome").GetString().ShouldBe("aborted");
        execution.GetProperty("error").GetString()!.ShouldStartWith("could not be reached");
    }

    [Fact]
    public async Task ConfiguredHooks_RefreshGrant_CallsRefreshHookThenTokenHookWithItsClaims()
    {
        var request = NewRequest("refresh_token");
        Receiver.Script("/refresh", string.Empty, new Reply(200, """{"session": {"access_token": {"plan": "gold", "tenant": "r"}}}"""));
        Receiver.Script("/token", string.Empty, new Reply(200, """{"session": {"access_token": {"tenant": "t"}, "id_token": {"name": "Ada"}}}"""));
        var before = Receiver.ReceivedFor("/token", string.Empty).Count;

        var result = await fixture.Runner.RunAsync(request, CancellationToken.None);

        result.Value.AccessToken!["plan"]!.GetValue<string>().ShouldBe("gold");
        result.Value.AccessToken!["tenant"]!.GetValue<string>().ShouldBe("t");
        result.Value.IdToken!["name"]!.GetValue<string>().ShouldBe("Ada");
        var refresh = JsonNode.Parse(Receiver.ReceivedFor("/refresh", string.Empty).Single(r => r.Body.Contains(request.Subject, StringComparison.Ordinal)).Body)!;
        refresh["subject"]!.GetValue<string>().ShouldBe(request.Subject);
        refresh["granted_scopes"]!.AsArray().Count.ShouldBe(2);
        var token = Receiver.ReceivedFor("/token", string.Empty).Skip(before).ShouldHaveSingleItem();
        token.Headers["X-Hook-Key"].ShouldBe(TokenHookServer.ApiKey);
        JsonNode.Parse(token.Body)!["session"]!["extra"]!["plan"]!.GetValue<string>().ShouldBe("gold");
        using var log = JsonDocument.Parse(await fixture.Server.Admin.GetStringAsync($"/admin/hooks/executions?identity_id={request.Subject}"));
        log.RootElement.EnumerateArray().Select(e => e.GetProperty("point").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["oauth2.refresh_token_hook", "oauth2.token_hook"]);
    }

    [Fact]
    public async Task ConfiguredHooks_RefreshHookDenies_TokenHookIsNotCalled()
    {
        var request = NewRequest("refresh_token") with { ClientId = "deny-" + Guid.NewGuid().ToString("N") };
        Receiver.Script("/refresh", string.Empty, new Reply(403));
        var before = Receiver.ReceivedFor("/token", string.Empty).Count;

        var result = await fixture.Runner.RunAsync(request, CancellationToken.None);

        result.Error.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookDenied);
        Receiver.ReceivedFor("/token", string.Empty).Count.ShouldBe(before);
    }

    [Fact]
    public async Task ConfiguredHooks_ClientCredentials_CallsOnlyTheTokenHook()
    {
        var request = NewRequest();
        Receiver.Script("/token", string.Empty, new Reply(204));

        var result = await fixture.Runner.RunAsync(request, CancellationToken.None);

        result.Value.IsEmpty.ShouldBeTrue();
        Receiver.ReceivedFor("/refresh", string.Empty).ShouldNotContain(r => r.Body.Contains(request.Subject, StringComparison.Ordinal));
        (await SingleExecutionAsync(request)).GetProperty("point").GetString().ShouldBe("oauth2.token_hook");
    }
}

public sealed class SqliteTokenHookRunnerTests(SqliteTokenHookServer fixture) : TokenHookRunnerTests(fixture), IClassFixture<SqliteTokenHookServer>;

public sealed class PostgresTokenHookRunnerTests(PostgresTokenHookServer fixture) : TokenHookRunnerTests(fixture), IClassFixture<PostgresTokenHookServer>;
