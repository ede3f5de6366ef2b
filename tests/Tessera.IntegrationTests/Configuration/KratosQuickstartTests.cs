// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Configuration;

/// <summary>
/// <c>tessera serve -c kratos.yml</c> with each of Kratos's quickstart files exactly as Ory ships them (copied into
/// TestData/reference/kratos-quickstart): what a deployment sets by environment is set by environment (ports, base
/// URLs, the DSN, where the identity schema file is mounted, the SMTP relay), nothing else. The relay is a fake on
/// loopback speaking implicit TLS and AUTH, as the quickstart's <c>smtps://test:test@mailslurper</c> does. Each
/// starts and completes a registration and a login through the API.
/// </summary>
public abstract class KratosQuickstartTests(DatabaseKind kind)
{
    private const string Password = "a quickstart passphrase 7351";

    [Theory]
    [InlineData("email-password")]
    [InlineData("phone-password")]
    [InlineData("all-strategies")]
    public async Task Serve_QuickstartFileUnchanged_RegistersAndLogsInThroughTheApi(string preset)
    {
        var folder = Directory.CreateTempSubdirectory("tessera-quickstart-").FullName;
        try
        {
            await using var smtp = SmtpSink.Start(SmtpSinkTls.Implicit, ("test", "test"));
            var (publicPort, adminPort) = (FreePort.Next(), FreePort.Next());
            var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
            var environment = new Dictionary<string, string>
            {
                ["DSN"] = await TestDatabases.CreateAsync(kind),
                ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
                ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
                ["SERVE_PUBLIC_BASE_URL"] = publicUrl.ToString(),
                ["SERVE_ADMIN_BASE_URL"] = $"http://127.0.0.1:{adminPort}/",
                ["COURIER_SMTP_CONNECTION_URI"] = smtp.ConnectionUri,
            };
            PlaceIdentitySchema(preset, folder, environment);

            await using var server = TesseraProcess.Start(["serve", "--config", Path.Combine(KratosQuickstartFiles.Folder(preset), "kratos.yml"), "--migrate"], environment, folder);
            (await server.WaitUntilReadyAsync(new Uri(publicUrl, "health/ready"), TimeSpan.FromSeconds(60)))
                .ShouldBeTrue(server.StandardError + server.StandardOutput);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = publicUrl };
            var email = $"quickstart-{Guid.NewGuid():N}@example.com";
            var traits = preset == "phone-password"
                ? (object)new { email, phone = "+4915112345678" }
                : new { email };

            var registered = await SubmitAsync(client, "registration", new { method = "password", password = Password, traits });
            var loggedIn = await SubmitAsync(client, "login", new { method = "password", identifier = email, password = Password });

            registered.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
            var token = loggedIn.GetProperty("session_token").GetString().ShouldNotBeNull();
            using var whoami = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami") { Headers = { { "X-Session-Token", token } } };
            using var session = await client.SendAsync(whoami);
            session.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (preset != "all-strategies")
            {
                // Verification by code is on in these two: the mail goes out over implicit TLS, authenticated as test.
                (await smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(30))).Subject.ShouldNotBeNullOrEmpty();
                smtp.AuthenticatedUsers.ShouldContain("test");
                smtp.EncryptedDeliveries.ShouldAllBe(encrypted => encrypted);
            }

            server.StandardOutput.ShouldNotContain("ciphers.algorithm is not supported");
            server.StandardOutput.ShouldNotContain("hashers.bcrypt.cost is not supported");
            server.StandardError.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Where Kratos's deployment puts the schema: all-strategies names a path relative to the working directory
    /// (Kratos's repository root), so the file goes there; the others name the container mount
    /// /etc/config/kratos, which a test cannot write, so the environment points at the file instead.
    /// </summary>
    private static void PlaceIdentitySchema(string preset, string folder, Dictionary<string, string> environment)
    {
        var schema = Path.Combine(KratosQuickstartFiles.Folder(preset), "identity.schema.json");
        if (preset == "all-strategies")
        {
            var target = Path.Combine(folder, "contrib", "quickstart", "kratos", "all-strategies");
            Directory.CreateDirectory(target);
            File.Copy(schema, Path.Combine(target, "identity.schema.json"));
            return;
        }

        environment["IDENTITY_SCHEMAS"] = JsonSerializer.Serialize(new[] { new { id = "default", url = "file://" + schema } });
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string flow, object body)
    {
        using var created = await client.GetAsync($"/self-service/{flow}/api");
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var submitted = await client.PostAsJsonAsync($"/self-service/{flow}?flow={id}", body);
        var text = await submitted.Content.ReadAsStringAsync();
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class SqliteKratosQuickstartTests() : KratosQuickstartTests(DatabaseKind.Sqlite);

public sealed class PostgresKratosQuickstartTests() : KratosQuickstartTests(DatabaseKind.Postgres);
