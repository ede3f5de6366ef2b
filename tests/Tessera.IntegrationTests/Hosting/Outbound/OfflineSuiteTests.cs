// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Configuration;
using Tessera.Hashing;
using Tessera.Hosting.Outbound;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Hashing.BreachedPasswordCheckTests;

namespace Tessera.IntegrationTests.Hosting.Outbound;

/// <summary>
/// Issue 17 finding 7: the machines that run this suite have no internet, and the breach check is on by default (as
/// Kratos). These tests fail when the suite's default configuration would call out: a default test server that
/// checks a password must make no connection beyond loopback, and the process fixture must turn the check off.
/// </summary>
public sealed class OfflineSuiteTests
{
    private const string CommonPassword = "password1234";

    [Fact]
    public async Task DefaultTestServer_PasswordsChecked_NoConnectionLeavesLoopback()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);

        await TestIdentities.CreateAsync(server, password: "a default-config passphrase 1");
        using var registered = await RegisterAsync(server, CommonPassword);

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        Audit(server).Attempts.ShouldBeEmpty();
        var options = server.Services.GetRequiredService<PasswordPolicyOptions>();
        (!options.HaveIBeenPwnedEnabled || IPAddress.TryParse(options.HaveIBeenPwnedBaseUrl!.Host, out var a) && IPAddress.IsLoopback(a)).ShouldBeTrue();
    }

    [Fact]
    public async Task KratosDefaults_BreachCheckOn_TheAuditRefusesTheRealServiceBeforeAnyLookUp()
    {
        // The check as a real user's zero-config server runs it: the audit sees the real host and stops it.
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["selfservice.methods.password.config.haveibeenpwned_enabled"] = "true",
        });

        using var registered = await RegisterAsync(server, CommonPassword);

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync()); // ignore_network_errors: true
        Audit(server).Attempts.ShouldBe([$"{PasswordPolicyOptions.DefaultHaveIBeenPwnedHost}:443"]);
    }

    [Fact]
    public void TesseraProcess_Environment_TurnsTheBreachCheckOff()
    {
        var name = ConfigurationTree.EnvironmentName("selfservice.methods.password.config.haveibeenpwned_enabled");

        TesseraProcess.OfflineEnvironment[name].ShouldBe("false");
    }

    private static LoopbackOnlyOutbound Audit(TesseraTestServer server) =>
        (LoopbackOnlyOutbound)server.Services.GetRequiredService<IOutboundConnectAudit>();
}
