// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19: identities created or imported with Kratos's <c>credentials.oidc.config.providers</c> are found by
/// <c>credentials_identifier</c> and sign in through the provider; a provider's verified e-mail marks the new
/// identity's address verified, an unverified one does not.
/// </summary>
public abstract class OidcImportAndVerifiedEmailTests(OidcServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task AdminImport_WithOidcProviders_IsListedByCredentialsIdentifier_AndSignsInThroughTheProvider()
    {
        var subject = $"imported-{Guid.NewGuid():N}";
        string identityId;
        using (var created = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            schema_id = "default",
            traits = new { email = $"imported-{Guid.NewGuid():N}@example.org" },
            credentials = new { oidc = new { config = new { providers = new[] { new { provider = OidcServer.ProviderId, subject } } } } },
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            identityId = body.RootElement.GetProperty("id").GetString()!;
        }

        using (var listed = await Server.Admin.GetAsync($"/admin/identities?credentials_identifier={OidcServer.ProviderId}:{subject}"))
        {
            using var page = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            page.RootElement.EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(identityId);
        }

        var linked = (await _journey.IdentityAsync(identityId)).GetProperty("credentials").GetProperty("oidc").GetProperty("config").GetProperty("providers")[0];
        linked.GetProperty("subject").GetString().ShouldBe(subject);

        // The provider's e-mail differs from the imported one: the subject alone finds the identity.
        await _journey.ProviderUserAsync(subject, $"elsewhere-{Guid.NewGuid():N}@example.org", verified: true);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var signedIn = await _journey.ThroughProviderAsync(browser, "login", await _journey.StartAsync(browser, "login"));

        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBe(identityId);
    }

    [Fact]
    public async Task AdminImport_OidcProviderWithoutSubject_IsAMalformedRequest()
    {
        using var created = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            schema_id = "default",
            traits = new { email = $"imported-{Guid.NewGuid():N}@example.org" },
            credentials = new { oidc = new { config = new { providers = new[] { new { provider = OidcServer.ProviderId } } } } },
        });

        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await created.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignUp_ProviderEmailVerifiedOrNot_MarksTheAddressVerifiedOnlyWhenVerified(bool verified)
    {
        var email = $"verified-{Guid.NewGuid():N}@example.org";
        await _journey.ProviderUserAsync($"sub-{Guid.NewGuid():N}", email, verified);
        using var browser = new BrowserClient(Server.PublicUrl);

        using var signedUp = await _journey.ThroughProviderAsync(browser, "registration", await _journey.StartAsync(browser, "registration"));

        signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
        var identityId = (await OidcJourney.SessionIdentityAsync(browser)).ShouldNotBeNull();
        var address = (await _journey.IdentityAsync(identityId)).GetProperty("verifiable_addresses").EnumerateArray()
            .Single(a => a.GetProperty("value").GetString() == email);
        address.GetProperty("verified").GetBoolean().ShouldBe(verified);
        if (verified)
        {
            address.GetProperty("status").GetString().ShouldBe("completed");
        }
    }
}

public sealed class SqliteOidcImportAndVerifiedEmailTests(SqliteOidcServer fixture) : OidcImportAndVerifiedEmailTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcImportAndVerifiedEmailTests(PostgresOidcServer fixture) : OidcImportAndVerifiedEmailTests(fixture), IClassFixture<PostgresOidcServer>;
