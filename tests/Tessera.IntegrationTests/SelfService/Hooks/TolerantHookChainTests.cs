// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>Issue 8 acceptance 3, second half (seed D3): a failing hook with <c>can_interrupt: false</c> does not stop the chain.</summary>
public abstract class TolerantHookChainTests(HookServer fixture)
{
    [Fact]
    public async Task Chain_SecondFailsWithoutCanInterrupt_ThirdCalledAndFlowSucceeds()
    {
        var email = RegistrationHookTests.NewEmail();
        fixture.Receiver.Script("/h2", email, new Reply(403));

        var (flowId, response) = await RegistrationHookTests.RegisterAsync(fixture.Server, email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        fixture.Receiver.ReceivedFor("/h3", email).Count.ShouldBe(1);
        using var log = JsonDocument.Parse(await fixture.Server.Admin.GetStringAsync($"/admin/hooks/executions?flow_id={flowId}"));
        var second = log.RootElement.EnumerateArray().Single(e => e.GetProperty("hook_index").GetInt32() == 1);
        second.GetProperty("status_code").GetInt32().ShouldBe(403);
        second.GetProperty("outcome").GetString().ShouldBe("failed");
    }
}

public sealed class SqliteTolerantHookChainTests(SqliteTolerantHookServer fixture) : TolerantHookChainTests(fixture), IClassFixture<SqliteTolerantHookServer>;

public sealed class PostgresTolerantHookChainTests(PostgresTolerantHookServer fixture) : TolerantHookChainTests(fixture), IClassFixture<PostgresTolerantHookServer>;
