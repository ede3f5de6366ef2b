// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// Issue 23: recovery by SMS. A phone number (<c>recovery.via: sms</c>) gets the recovery code as a text through the
/// sms channel to the fake gateway, and the code recovers the account; an unknown number gets the same answer, byte
/// for byte once ids and the number are blanked, and nothing is sent.
/// </summary>
public abstract class SmsRecoveryTests(PhoneServer fixture)
{
    [Fact]
    public async Task RecoveryCode_ByText_RecoversThePhoneNumbersAccount_AndAnUnknownNumberIsAnsweredAlike()
    {
        var (knownWritten, known) = SmsChannelTests.NewNumber();
        var (unknownWritten, unknown) = SmsChannelTests.NewNumber();
        var identityId = await fixture.CreateIdentityAsync(known);
        using var knownFlow = await fixture.NewApiFlowAsync("recovery");
        using var unknownFlow = await fixture.NewApiFlowAsync("recovery");
        var knownFlowId = knownFlow.RootElement.GetProperty("id").GetString()!;
        var unknownFlowId = unknownFlow.RootElement.GetProperty("id").GetString()!;

        using var a = await fixture.SubmitAsync("recovery", knownFlowId, new { method = "code", email = knownWritten });
        using var b = await fixture.SubmitAsync("recovery", unknownFlowId, new { method = "code", email = unknownWritten });

        a.StatusCode.ShouldBe(HttpStatusCode.OK, await a.Content.ReadAsStringAsync());
        b.StatusCode.ShouldBe(a.StatusCode);
        // Don't reveal: the two answers are the same once what differs by nature (ids, times, the number) is blanked.
        AnswerShape.Of(await b.Content.ReadAsStringAsync(), unknownWritten, unknown, unknownFlowId)
            .ShouldBe(AnswerShape.Of(await a.Content.ReadAsStringAsync(), knownWritten, known, knownFlowId));
        using (var sent = JsonDocument.Parse(await a.Content.ReadAsStringAsync()))
        {
            sent.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            FlowJson.MessageIds(sent.RootElement).ShouldBe([1060003]);
        }

        var code = await fixture.CodeForAsync(known);
        fixture.Gateway.ReceivedFor(unknown).ShouldBeEmpty();
        using var recovered = await fixture.SubmitAsync("recovery", knownFlowId, new { method = "code", code });

        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
        using var done = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
        done.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
        FlowJson.MessageIds(done.RootElement).ShouldBe([1060001]);
        var token = done.RootElement.GetProperty("continue_with")[0].GetProperty("ory_session_token").GetString()!;
        using var whoami = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        whoami.Headers.Add("X-Session-Token", token);
        using var session = await fixture.Server.Public.SendAsync(whoami);
        using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identityId);
    }
}

public sealed class SqliteSmsRecoveryTests(SqlitePhoneServer fixture) : SmsRecoveryTests(fixture), IClassFixture<SqlitePhoneServer>;

public sealed class PostgresSmsRecoveryTests(PostgresPhoneServer fixture) : SmsRecoveryTests(fixture), IClassFixture<PostgresPhoneServer>;
