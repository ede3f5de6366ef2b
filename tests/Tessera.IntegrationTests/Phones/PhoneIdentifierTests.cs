// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// Issue 23: phone numbers as identifiers (<c>format: tel</c>). However a number is written, it is stored and looked
/// up in E.164, so it is one identifier; a number that is not a valid international one is refused with 4000001.
/// </summary>
public abstract class PhoneIdentifierTests(PhoneServer fixture)
{
    [Fact]
    public async Task Registration_WithAWrittenNumber_StoresE164_AndPasswordLoginTakesEitherWriting()
    {
        var (written, e164) = SmsChannelTests.NewNumber();

        using var registered = await fixture.SubmitNewAsync("registration", new { method = "password", password = PhoneServer.Password, traits = new { phone = written } });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var identityId = registration.RootElement.GetProperty("identity").GetProperty("id").GetString();
        using (var identity = await AdminIdentityAsync(identityId!))
        {
            var password = identity.RootElement.GetProperty("credentials").GetProperty("password");
            password.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()).ShouldBe([e164]);
            var address = identity.RootElement.GetProperty("verifiable_addresses").EnumerateArray().Single();
            address.GetProperty("via").GetString().ShouldBe("sms");
            address.GetProperty("value").GetString().ShouldBe(e164);
            var recovery = identity.RootElement.GetProperty("recovery_addresses").EnumerateArray().Single();
            recovery.GetProperty("via").GetString().ShouldBe("sms");
            recovery.GetProperty("value").GetString().ShouldBe(e164);
        }

        var otherWriting = $"+49 (170) {e164[6..9]}-{e164[9..]}";
        foreach (var identifier in new[] { e164, written, otherWriting })
        {
            using var login = await fixture.SubmitNewAsync("login", new { method = "password", identifier, password = PhoneServer.Password });
            login.StatusCode.ShouldBe(HttpStatusCode.OK, $"{identifier}: {await login.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Registration_TheSameNumberWrittenDifferently_IsADuplicate4000007()
    {
        var (written, e164) = SmsChannelTests.NewNumber();
        await fixture.CreateIdentityAsync(written);

        using var again = await fixture.SubmitNewAsync("registration", new { method = "password", password = PhoneServer.Password, traits = new { phone = e164 } });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, await again.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldContain(4000007);
    }

    [Theory]
    [InlineData("+49 123")]
    [InlineData("0170 1234567")]
    [InlineData("call me")]
    public async Task Registration_AnInvalidNumber_Gets4000001NamingFormatTel(string phone)
    {
        using var refused = await fixture.SubmitNewAsync("registration", new { method = "password", password = PhoneServer.Password, traits = new { phone } });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "traits.phone").ShouldBe([4000001]);
        var message = FlowJson.Node(flow.RootElement, "traits.phone").GetProperty("messages")[0];
        message.GetProperty("context").GetProperty("reason").GetString().ShouldBe($"\"{phone}\" is not valid \"tel\"");
    }

    [Fact]
    public async Task AdminCreate_AnInvalidNumber_IsRefusedWith400()
    {
        using var response = await fixture.Server.Admin.PostAsync("/admin/identities",
            new StringContent("""{"schema_id":"phone","traits":{"phone":"+49 123"}}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> AdminIdentityAsync(string id)
    {
        using var response = await fixture.Server.Admin.GetAsync($"/admin/identities/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqlitePhoneIdentifierTests(SqlitePhoneServer fixture) : PhoneIdentifierTests(fixture), IClassFixture<SqlitePhoneServer>;

public sealed class PostgresPhoneIdentifierTests(PostgresPhoneServer fixture) : PhoneIdentifierTests(fixture), IClassFixture<PostgresPhoneServer>;
