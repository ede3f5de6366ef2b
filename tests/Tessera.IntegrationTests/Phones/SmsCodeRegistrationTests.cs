// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>Issue 23: sign-up with a code texted to the phone number (code identifier <c>via: sms</c>), no password.</summary>
public abstract class SmsCodeRegistrationTests(PhoneServer fixture)
{
    [Fact]
    public async Task ApiClient_SignsUpWithTheTextedCode_PhoneNumberStoredInE164AndVerified()
    {
        var (written, e164) = SmsChannelTests.NewNumber();
        using var flow = await fixture.NewApiFlowAsync("registration");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;

        using var sent = await fixture.SubmitAsync("registration", flowId, new { method = "code", traits = new { phone = written } });

        sent.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await sent.Content.ReadAsStringAsync());
        using (var waiting = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()))
        {
            waiting.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            FlowJson.MessageIds(waiting.RootElement).ShouldBe([1040005]);
        }

        var code = await fixture.CodeForAsync(e164);
        using var created = await fixture.SubmitAsync("registration", flowId, new { method = "code", code, traits = new { phone = written } });

        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("session_token").GetString().ShouldNotBeNullOrEmpty();
        var address = body.RootElement.GetProperty("identity").GetProperty("verifiable_addresses").EnumerateArray().Single();
        address.GetProperty("via").GetString().ShouldBe("sms");
        address.GetProperty("value").GetString().ShouldBe(e164);
        address.GetProperty("verified").GetBoolean().ShouldBeTrue();
    }
}

public sealed class SqliteSmsCodeRegistrationTests(SqlitePhoneServer fixture) : SmsCodeRegistrationTests(fixture), IClassFixture<SqlitePhoneServer>;

public sealed class PostgresSmsCodeRegistrationTests(PostgresPhoneServer fixture) : SmsCodeRegistrationTests(fixture), IClassFixture<PostgresPhoneServer>;
