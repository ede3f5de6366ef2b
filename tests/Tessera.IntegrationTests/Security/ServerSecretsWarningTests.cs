// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Security;

/// <summary>The built program warns once at start when it runs on a generated secret, and not when one is configured.</summary>
public sealed partial class ServerSecretsWarningTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_WithoutSecretsDefault_WarnsOnceNamingTheKey_AndWithItDoesNot()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);

        var unconfigured = await ServeUntilReadyAsync(new Dictionary<string, string> { ["DSN"] = dsn });
        var configured = await ServeUntilReadyAsync(new Dictionary<string, string> { ["DSN"] = dsn, ["SECRETS_DEFAULT"] = "a-configured-secret-0123456789" });

        GeneratedSecretWarning().Count(unconfigured).ShouldBe(1, unconfigured);
        GeneratedSecretWarning().IsMatch(configured).ShouldBeFalse(configured);
        configured.ShouldNotContain("a-configured-secret-0123456789");
    }

    private static async Task<string> ServeUntilReadyAsync(Dictionary<string, string> environment)
    {
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        environment["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var server = TesseraProcess.Start(["serve"], environment);
        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{publicPort}/health/ready"), StartTimeout))
            .ShouldBeTrue(server.StandardError + server.StandardOutput);

        // The start-up lines come before "listening"; wait until the output reader has passed them.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!(server.StandardOutput + server.StandardError).Contains("listening on", StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return server.StandardOutput + server.StandardError;
    }

    [GeneratedRegex("secrets\\.default is not configured")]
    private static partial Regex GeneratedSecretWarning();
}
