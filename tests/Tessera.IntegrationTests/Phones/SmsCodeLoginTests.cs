// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// Issue 23, acceptance 3 and 4: an identity whose phone number is its code identifier (<c>via: sms</c>) signs in
/// with the code the fake gateway received; an unknown number is answered exactly like a known one and gets nothing.
/// </summary>
public abstract class SmsCodeLoginTests(PhoneServer fixture)
{
    [Fact]
    public async Task ApiClient_SignsInWithTheTextedCode_AtAal1WithAmrCode_AndThePhoneNumberIsVerified()
    {
        var (written, e164) = SmsChannelTests.NewNumber();
        var identityId = await fixture.CreateIdentityAsync(e164);
        using var flow = await fixture.NewApiFlowAsync("login");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;

        using var sent = await fixture.SubmitAsync("login", flowId, new { method = "code", identifier = written });

        sent.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await sent.Content.ReadAsStringAsync());
        using (var waiting = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()))
        {
            waiting.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            FlowJson.MessageIds(waiting.RootElement).ShouldBe([1010014]);
        }

        var code = await fixture.CodeForAsync(e164);
        using var signedIn = await fixture.SubmitAsync("login", flowId, new { method = "code", identifier = written, code });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await signedIn.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("session_token").GetString().ShouldNotBeNullOrEmpty();
        var session = body.RootElement.GetProperty("session");
        session.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identityId);
        session.GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal1");
        session.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("code");
        var address = session.GetProperty("identity").GetProperty("verifiable_addresses").EnumerateArray().Single();
        address.GetProperty("via").GetString().ShouldBe("sms");
        address.GetProperty("verified").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task UnknownPhoneNumber_IsAnsweredExactlyLikeAKnownOne_AndNothingIsTexted()
    {
        var (knownWritten, known) = SmsChannelTests.NewNumber();
        var (unknownWritten, unknown) = SmsChannelTests.NewNumber();
        await fixture.CreateIdentityAsync(known);

        var (knownStatus, knownShape) = await SendShapeAsync(knownWritten, known);
        var (unknownStatus, unknownShape) = await SendShapeAsync(unknownWritten, unknown);

        unknownStatus.ShouldBe(knownStatus);
        unknownShape.ShouldBe(knownShape);
        await fixture.CodeForAsync(known);
        fixture.Gateway.ReceivedFor(known).Count.ShouldBe(1);
        fixture.Gateway.ReceivedFor(unknown).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownPhoneNumber_AnyCodeIs4010008()
    {
        var (written, _) = SmsChannelTests.NewNumber();
        using var flow = await fixture.NewApiFlowAsync("login");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        (await fixture.SubmitAsync("login", flowId, new { method = "code", identifier = written })).Dispose();

        using var guessed = await fixture.SubmitAsync("login", flowId, new { method = "code", identifier = written, code = "123456" });

        guessed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await guessed.Content.ReadAsStringAsync());
        FlowJson.MessageIds(body.RootElement).ShouldBe([4010008]);
    }

    private async Task<(HttpStatusCode Status, string Shape)> SendShapeAsync(string written, string e164)
    {
        using var flow = await fixture.NewApiFlowAsync("login");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        using var sent = await fixture.SubmitAsync("login", flowId, new { method = "code", identifier = written });
        return (sent.StatusCode, AnswerShape.Of(await sent.Content.ReadAsStringAsync(), written, e164, flowId));
    }
}

public sealed class SqliteSmsCodeLoginTests(SqlitePhoneServer fixture) : SmsCodeLoginTests(fixture), IClassFixture<SqlitePhoneServer>;

public sealed class PostgresSmsCodeLoginTests(PostgresPhoneServer fixture) : SmsCodeLoginTests(fixture), IClassFixture<PostgresPhoneServer>;
