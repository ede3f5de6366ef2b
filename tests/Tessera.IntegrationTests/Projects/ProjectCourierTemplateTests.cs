// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.Projects.ProjectConfigTests;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>Issue 21: a project's overlay sets its own <c>courier.templates</c>; the other project keeps the built-in ones.</summary>
public abstract class ProjectCourierTemplateTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task OverlaySetsTheRecoveryCodeSubject_ARecoveryOnASendsIt_BSendsTheBuiltIn()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["courier.worker.pull_wait"] = "1h" }));
        var (a, hostA) = await CreateProjectAsync(server);
        var (b, hostB) = await CreateProjectAsync(server);
        var subject = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Project A code {{RecoveryCode}}"));
        using var patched = await PatchAsync(server, a,
            """{"courier":{"templates":{"recovery_code":{"valid":{"email":{"subject":""" + $"\"{subject}\"" + ""","body":{"plaintext":"A: {{RecoveryCode}}"}}}}}}}""");
        await JsonAsync(patched, HttpStatusCode.OK);

        var onA = await RecoverAsync(server, a, hostA);
        var onB = await RecoverAsync(server, b, hostB);

        onA.Subject.ShouldMatch("^Project A code [0-9]{6}$");
        onA.BodyPlaintext.ShouldBe("A: " + onA.Subject["Project A code ".Length..]);
        onB.Subject.ShouldBe(BuiltIn(server, onB).Subject);
        onB.BodyPlaintext.ShouldBe(BuiltIn(server, onB).PlaintextBody);
    }

    [Theory]
    [InlineData("""{"courier":{"templates":{"recovery_code":{"valid":{"email":{"subject":"{{#if x}}unclosed"}}}}}}""", "courier.templates.recovery_code.valid.email.subject")]
    [InlineData("""{"courier":{"templates":{"recovery_code":{"valid":{"email":{"body":{"html":"file:///etc/hostname"}}}}}}}""", "courier.templates.recovery_code.valid.email.body.html")]
    [InlineData("""{"courier":{"smtp":{"connection_uri":"smtp://127.0.0.1:25/"}}}""", "courier.smtp.connection_uri")]
    public async Task Patch_BadTemplateOrTransportKey_Answers400NamingTheKey(string patch, string key)
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        await ShouldRefuseAsync(server, projectId, patch, key);
    }

    private static async Task<CourierMessage> RecoverAsync(TesseraTestServer server, Guid projectId, string host)
    {
        var email = $"c-{Guid.NewGuid():N}@example.com";
        await CreateIdentityAsync(server, projectId, email, Password);
        var flow = await NewApiFlowAsync(server, host, "recovery");
        using var sent = await SendAsync(server, host, HttpMethod.Post, $"/self-service/recovery?flow={flow.GetProperty("id").GetString()}",
            new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using var project = NetworkContext.Enter(projectId);
        var messages = await server.Services.GetRequiredService<CourierStore>().ListAsync(new CourierMessageQuery(null, email, 10, null));
        return messages.ShouldHaveSingleItem();
    }

    // The built-in template rendered for the message's own data, outside any project.
    private static RenderedEmail BuiltIn(TesseraTestServer server, CourierMessage message)
    {
        var code = System.Text.Json.Nodes.JsonNode.Parse(message.TemplateData)!.AsObject()
            .Single(p => p.Key.Equals("RecoveryCode", StringComparison.OrdinalIgnoreCase) || p.Key.Equals("recovery_code", StringComparison.OrdinalIgnoreCase)).Value!.ToString();
        return server.Services.GetRequiredService<EmailTemplates>().Render(CourierTemplateType.RecoveryCodeValid,
            EmailTemplateData.From(CourierTemplateType.RecoveryCodeValid, message.Recipient, new { RecoveryCode = code }));
    }
}

public sealed class SqliteProjectCourierTemplateTests() : ProjectCourierTemplateTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectCourierTemplateTests() : ProjectCourierTemplateTests(DatabaseKind.Postgres);
