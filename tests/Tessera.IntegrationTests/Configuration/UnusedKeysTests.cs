// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Configuration;

/// <summary>Start-up judges the keys nothing read by KeyTable: accepted ones are silent, ignored and unknown ones warned, refused ones stop it.</summary>
public sealed class UnusedKeysTests
{
    private const int IgnoredEvent = 100;
    private const int UnknownEvent = 103;

    [Fact]
    public async Task Start_WithFeatureFlagsIgnoredAndUnknownKeys_WarnsOnlyAboutTheIgnoredAndUnknownOnes()
    {
        var logs = new LogCapture();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["feature_flags.use_continue_with_transitions"] = "true",
            ["feature_flags.faster_session_extend"] = "true",
            ["version"] = "v0.13.0",
            ["selfservice.methods.oidc.enabled"] = "true",
            ["selfservise.flows.login.lifespan"] = "1h",
        }, logs: logs);

        var messages = logs.Entries.Where(e => e.EventId is IgnoredEvent or UnknownEvent).ToList();
        messages.ShouldNotContain(e => e.Message.Contains("feature_flags", StringComparison.Ordinal) || e.Message.Contains("version", StringComparison.Ordinal));
        messages.ShouldContain(e => e.EventId == IgnoredEvent && e.Message.Contains("selfservice.methods.oidc.enabled", StringComparison.Ordinal));
        messages.ShouldContain(e => e.EventId == UnknownEvent && e.Message.Contains("selfservise.flows.login.lifespan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithARefusedKey_StopsNamingTheKey()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["oauth2_provider.url"] = "http://127.0.0.1:4445",
        }));

        error.KeyPath.ShouldBe("oauth2_provider.url");
    }
}
