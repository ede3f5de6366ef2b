// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// Issue 23: a phone number (<c>verification.via: sms</c>) is verified with a code texted through the sms channel to
/// the fake gateway; known and unknown numbers get the same answer.
/// </summary>
public abstract class SmsVerificationTests(PhoneServer fixture)
{
    [Fact]
    public async Task Registration_TextsAVerificationCode_WhichVerifiesThePhoneNumber()
    {
        var (written, e164) = SmsChannelTests.NewNumber();

        using var registered = await fixture.SubmitNewAsync("registration", new { method = "password", password = PhoneServer.Password, traits = new { phone = written } });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var next = registration.RootElement.GetProperty("continue_with").EnumerateArray().Single(c => c.GetProperty("action").GetString() == "show_verification_ui");
        next.GetProperty("flow").GetProperty("verifiable_address").GetString().ShouldBe(e164);
        var flowId = next.GetProperty("flow").GetProperty("id").GetString()!;
        var identityId = registration.RootElement.GetProperty("identity").GetProperty("id").GetString()!;

        var code = await fixture.CodeForAsync(e164);
        using var verified = await fixture.SubmitAsync("verification", flowId, new { method = "code", code });

        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        using (var flow = JsonDocument.Parse(await verified.Content.ReadAsStringAsync()))
        {
            flow.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1080005]);
        }

        using var identity = await fixture.Server.Admin.GetAsync($"/admin/identities/{identityId}");
        using var json = JsonDocument.Parse(await identity.Content.ReadAsStringAsync());
        var address = json.RootElement.GetProperty("verifiable_addresses").EnumerateArray().Single();
        address.GetProperty("via").GetString().ShouldBe("sms");
        address.GetProperty("verified").GetBoolean().ShouldBeTrue();
        address.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task OwnFlow_KnownAndUnknownNumbersAnswerAlike_OnlyTheKnownGetsAText_WhoseCodeVerifies()
    {
        var (knownWritten, known) = SmsChannelTests.NewNumber();
        var (unknownWritten, unknown) = SmsChannelTests.NewNumber();
        await fixture.CreateIdentityAsync(known);
        using var knownFlow = await fixture.NewApiFlowAsync("verification");
        using var unknownFlow = await fixture.NewApiFlowAsync("verification");
        var knownFlowId = knownFlow.RootElement.GetProperty("id").GetString()!;
        var unknownFlowId = unknownFlow.RootElement.GetProperty("id").GetString()!;

        using var a = await fixture.SubmitAsync("verification", knownFlowId, new { method = "code", email = knownWritten });
        using var b = await fixture.SubmitAsync("verification", unknownFlowId, new { method = "code", email = unknownWritten });

        a.StatusCode.ShouldBe(HttpStatusCode.OK, await a.Content.ReadAsStringAsync());
        b.StatusCode.ShouldBe(a.StatusCode);
        var knownShape = AnswerShape.Of(await a.Content.ReadAsStringAsync(), knownWritten, known, knownFlowId);
        var unknownShape = AnswerShape.Of(await b.Content.ReadAsStringAsync(), unknownWritten, unknown, unknownFlowId);
        unknownShape.ShouldBe(knownShape);
        using (var flow = JsonDocument.Parse(await b.Content.ReadAsStringAsync()))
        {
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1080004]);
        }

        var code = await fixture.CodeForAsync(known);
        fixture.Gateway.ReceivedFor(unknown).ShouldBeEmpty();
        using var right = await fixture.SubmitAsync("verification", knownFlowId, new { method = "code", code });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
        using var done = JsonDocument.Parse(await right.Content.ReadAsStringAsync());
        FlowJson.MessageIds(done.RootElement).ShouldBe([1080005]);
    }
}

public sealed class SqliteSmsVerificationTests(SqlitePhoneServer fixture) : SmsVerificationTests(fixture), IClassFixture<SqlitePhoneServer>;

public sealed class PostgresSmsVerificationTests(PostgresPhoneServer fixture) : SmsVerificationTests(fixture), IClassFixture<PostgresPhoneServer>;
