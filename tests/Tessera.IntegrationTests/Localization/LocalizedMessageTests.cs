// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.Localization;

/// <summary>
/// Issue 22, languages: a flow keeps the language it was created in (<c>?lang=</c>, else <c>Accept-Language</c>); its
/// JSON texts and the e-mails it sends are in that language, unless the identity chose its own
/// (<c>metadata_public.locale</c>). Ids and contexts never change: Kratos UIs translate by id.
/// </summary>
public abstract class LocalizedMessageTests(CodeFlowServer fixture)
{
    private const string Password = "a localized passphrase 1";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task RecoveryFlow_CreatedWithLangFr_AnswersAndEmailsInFrench()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await NewFlowIdAsync("/self-service/recovery/api?lang=fr");

        using var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "code", email });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        var message = flow.RootElement.GetProperty("ui").GetProperty("messages")[0];
        message.GetProperty("id").GetInt32().ShouldBe(1060003);
        message.GetProperty("text").GetString().ShouldStartWith("Un e-mail contenant un code de récupération a été envoyé");
        message.GetProperty("type").GetString().ShouldBe("info");

        await DeliverAsync(Server);
        var mail = await fixture.Sink.WaitForMessageAsync(email);
        mail.Subject.ShouldBe("Récupérez l'accès à votre compte");
        mail.TextBody.ShouldContain("veuillez récupérer l'accès à votre compte en saisissant le code suivant");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("<p>Bonjour,</p>");
    }

    [Fact]
    public async Task VerificationFlow_CreatedWithAcceptLanguageFr_EmailsTheCodeInFrench()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email);
        var flowId = await NewFlowIdAsync("/self-service/verification/api", "fr-FR,fr;q=0.9,en;q=0.5");

        using var sent = await SubmitAsync(Server, "verification", flowId, new { method = "code", email });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        var mail = await fixture.Sink.WaitForMessageAsync(email);
        mail.Subject.ShouldBe("Veuillez vérifier votre adresse e-mail");
        mail.TextBody.ShouldContain("veuillez vérifier votre compte en saisissant le code suivant");
        mail.TextBody.ShouldContain(code);
    }

    [Fact]
    public async Task IdentityLocale_ChoosesTheEmailLanguage_OverTheFlows()
    {
        var email = NewEmail();
        using (var created = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            traits = new { email },
            metadata_public = new { locale = "de-DE" },
            credentials = new { password = new { config = new { password = Password } } },
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var flowId = await NewFlowIdAsync("/self-service/recovery/api?lang=fr");
        using var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());

        await DeliverAsync(Server);
        var mail = await fixture.Sink.WaitForMessageAsync(email);
        mail.Subject.ShouldBe("Zugang zu Ihrem Konto wiederherstellen");
        mail.TextBody.ShouldStartWith("Hallo,");
    }

    [Fact]
    public async Task LoginFlow_InGerman_KeepsIdsAndContext_AndOnlyTheTextsChange()
    {
        var german = await WrongPasswordAsync("/self-service/login/api?lang=de");
        var english = await WrongPasswordAsync("/self-service/login/api");

        var germanMessage = german.GetProperty("ui").GetProperty("messages")[0];
        var englishMessage = english.GetProperty("ui").GetProperty("messages")[0];
        germanMessage.GetProperty("id").GetInt32().ShouldBe(4000006);
        englishMessage.GetProperty("id").GetInt32().ShouldBe(4000006);
        englishMessage.GetProperty("text").GetString().ShouldBe(
            "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.");
        germanMessage.GetProperty("text").GetString().ShouldStartWith("Die angegebenen Zugangsdaten sind ungültig.");
        germanMessage.GetProperty("context").GetRawText().ShouldBe(englishMessage.GetProperty("context").GetRawText());
        Labels(german).ShouldContain("Passwort");
        Labels(english).ShouldContain("Password");
        Labels(german).Count.ShouldBe(Labels(english).Count);
    }

    [Fact]
    public async Task UnsupportedLanguage_IsAnsweredInEnglish()
    {
        var flow = await WrongPasswordAsync("/self-service/login/api?lang=ja", "ja-JP");

        flow.GetProperty("ui").GetProperty("messages")[0].GetProperty("text").GetString().ShouldStartWith("The provided credentials are invalid");
    }

    private async Task<JsonElement> WrongPasswordAsync(string start, string? acceptLanguage = null)
    {
        var flowId = await NewFlowIdAsync(start, acceptLanguage);
        using var response = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = NewEmail(), password = "not the password 1" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static List<string> Labels(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("meta").TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.Object ? label.GetProperty("text").GetString()! : null)
            .OfType<string>()
            .ToList();

    private async Task<string> NewFlowIdAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await Server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}

public sealed class SqliteLocalizedMessageTests(SqliteCodeFlowServer fixture) : LocalizedMessageTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresLocalizedMessageTests(PostgresCodeFlowServer fixture) : LocalizedMessageTests(fixture), IClassFixture<PostgresCodeFlowServer>;
