// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>Issue 8 on the flows beyond login and registration: before-hooks on creation, after-hooks on recovery, verification and settings.</summary>
public abstract class FlowHookTests(FlowHookServer fixture)
{
    private const string Password = "a hooked passphrase 5";

    private TesseraTestServer Server => fixture.Server;

    private WebHookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task BeforeHook_Interrupting_RefusesToCreateTheFlow()
    {
        // Before-hooks see no identity: the receiver files the call under an empty e-mail. First 403, then 200.
        Receiver.Script("/recovery-before", string.Empty, new WebHookReceiver.Reply(403), WebHookReceiver.Reply.Ok);

        using var refused = await Server.Public.GetAsync("/self-service/recovery/api");
        using var created = await Server.Public.GetAsync("/self-service/recovery/api");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RecoveryAfterHooks_CallTheWebHookWithTheIdentity_AndRevokeActiveSessionsEndsTheOlderSession()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        var (first, _) = await RecoverAsync(identityId);

        var (second, _) = await RecoverAsync(identityId);

        Receiver.ReceivedFor("/recovery", email).Count.ShouldBe(2);
        (await WhoamiAsync(first)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WhoamiAsync(second)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RecoveryAfterHook_Interrupting_SignsNobodyIn()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        Receiver.Script("/recovery", email, new WebHookReceiver.Reply(403));
        var (flowId, code) = await AdminCodeAsync(identityId);

        using var refused = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadGateway, await refused.Content.ReadAsStringAsync());
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
        refused.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task VerificationAfterHook_IsCalledOnceTheAddressIsVerified()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var flow = await NewApiFlowAsync(Server, "verification");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        using (var sent = await SubmitAsync(Server, "verification", flowId, new { method = "code", email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        Receiver.ReceivedFor("/verification", email).ShouldBeEmpty();
        using var verified = await SubmitAsync(Server, "verification", flowId, new { method = "code", code });

        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        var call = Receiver.ReceivedFor("/verification", email).Single();
        using var payload = JsonDocument.Parse(call.Body);
        payload.RootElement.GetProperty("flow").GetProperty("kind").GetString().ShouldBe("verification");
    }

    [Fact]
    public async Task SettingsAfterHook_SeesTheSavedIdentity_AndCanInterruptTheAnswer()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        var (token, settingsFlowId) = await RecoverAsync(identityId);

        using (var saved = await SubmitSettingsAsync(token, settingsFlowId, new { method = "password", password = "the hooked new passphrase 6" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        using (var payload = JsonDocument.Parse(Receiver.ReceivedFor("/settings", email).Single().Body))
        {
            payload.RootElement.GetProperty("hook").GetProperty("point").GetString().ShouldBe("settings.after");
            payload.RootElement.GetProperty("flow").GetProperty("active").GetString().ShouldBe("password");
        }

        Receiver.Script("/settings", email, new WebHookReceiver.Reply(403));
        using var refused = await SubmitSettingsAsync(token, settingsFlowId, new { method = "password", password = "yet another passphrase 7" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
    }

    /// <summary>Recovers with an administrator's code on an API flow: the session token and the settings flow it continues with.</summary>
    private async Task<(string Token, string SettingsFlowId)> RecoverAsync(Guid identityId)
    {
        var (flowId, code) = await AdminCodeAsync(identityId);
        using var recovered = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
        var continueWith = body.RootElement.GetProperty("continue_with");
        return (continueWith[0].GetProperty("ory_session_token").GetString()!, continueWith[1].GetProperty("flow").GetProperty("id").GetString()!);
    }

    private async Task<(string FlowId, string Code)> AdminCodeAsync(Guid identityId)
    {
        using var created = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = identityId, flow_type = "api" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var link = new Uri(body.RootElement.GetProperty("recovery_link").GetString()!);
        return (System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!, body.RootElement.GetProperty("recovery_code").GetString()!);
    }

    private async Task<HttpResponseMessage> SubmitSettingsAsync(string token, string flowId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/settings?flow={flowId}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Session-Token", token);
        return await Server.Public.SendAsync(request);
    }

    private async Task<HttpStatusCode> WhoamiAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", token);
        using var response = await Server.Public.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class SqliteFlowHookTests(SqliteFlowHookServer fixture) : FlowHookTests(fixture), IClassFixture<SqliteFlowHookServer>;

public sealed class PostgresFlowHookTests(PostgresFlowHookServer fixture) : FlowHookTests(fixture), IClassFixture<PostgresFlowHookServer>;
