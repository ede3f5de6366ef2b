// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.IntegrationTests.SelfService;

public abstract class FlowStoreContractTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private Database _database = null!;
    private FlowStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(Dsn.Parse(await TestDatabases.CreateAsync(kind)));
        await new Migrator(_database, _clock).ApplyAsync();
        var network = new NetworkContext(_database, _clock);
        await network.InitialiseAsync();
        _store = new FlowStore(_database, network, _clock, new Tessera.Errors.Occurrences.OccurrenceRecorder(new Tessera.Errors.Occurrences.OccurrenceOptions(false, TimeSpan.FromDays(7), 1), _clock));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Insert_ThenFind_RoundTripsEveryFieldAndNodeKind()
    {
        var flow = NewFlow() with { Refresh = true, RequestedAal = "aal2", Active = "password", IdentityId = Guid.NewGuid() };
        flow.Ui.Nodes.Add(new UiNode("img", "totp", new UiImageAttributes("totp_qr", "data:image/png;base64,AA==", 256, 256), new UiNodeMeta(null)));
        flow.Ui.AddMessage("identifier", new UiText(4000006, "wrong", "error", new Dictionary<string, object?>()));
        flow.InternalContext["attempts"] = 2;

        await _store.InsertAsync(flow);
        var found = await _store.FindAsync(flow.Id, FlowKind.Login);

        found.ShouldNotBeNull();
        found.Type.ShouldBe(FlowType.Browser);
        found.Refresh.ShouldBeTrue();
        found.RequestedAal.ShouldBe("aal2");
        found.Active.ShouldBe("password");
        found.IdentityId.ShouldBe(flow.IdentityId);
        found.ExpiresAt.ShouldBe(flow.ExpiresAt);
        found.ReturnTo.ShouldBe("https://app.example.com/");
        found.Ui.Nodes.Select(n => n.Attributes.GetType()).ShouldBe([typeof(UiInputAttributes), typeof(UiInputAttributes), typeof(UiImageAttributes)]);
        found.Ui.Find("identifier")!.Messages.Single().Id.ShouldBe(4000006);
        found.InternalContext["attempts"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Find_WithAnotherKindOrUnknownId_ReturnsNull()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);

        (await _store.FindAsync(flow.Id, FlowKind.Registration)).ShouldBeNull();
        (await _store.FindAsync(Guid.NewGuid(), FlowKind.Login)).ShouldBeNull();
    }

    [Fact]
    public async Task Update_PersistsUiStateAndContext_DeleteExpiredRemovesOldFlows()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);
        flow.Ui.SetValue("identifier", JsonValue.Create("a@example.com"));

        (await _store.SaveAsync(flow with { State = "sent_email" })).Outcome.ShouldBe(FlowSaveOutcome.Saved);
        var found = await _store.FindAsync(flow.Id, FlowKind.Login);

        found!.State.ShouldBe("sent_email");
        ((UiInputAttributes)found.Ui.Find("identifier")!.Attributes).Value!.GetValue<string>().ShouldBe("a@example.com");
        (await _store.DeleteExpiredAsync(flow.ExpiresAt.AddSeconds(1), flow.ExpiresAt.AddSeconds(1))).ShouldBe(1);
        (await _store.FindAsync(flow.Id, FlowKind.Login)).ShouldBeNull();
    }

    [Fact]
    public async Task Save_OverAnOlderVersion_NeverOverwritesAFinishedFlow()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);
        var read = (await _store.FindAsync(flow.Id, FlowKind.Login))!;

        (await _store.ClaimAsync(read with { State = "passed_challenge" })).ShouldBeTrue();
        var stale = await _store.SaveAsync(read with { Active = "password" });

        stale.Outcome.ShouldBe(FlowSaveOutcome.Finished);
        (await _store.FindAsync(flow.Id, FlowKind.Login))!.State.ShouldBe("passed_challenge");
    }

    [Fact]
    public async Task Save_OverAnOlderVersionAtTheSameStep_IsWrittenOverTheNewOne()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);
        var first = (await _store.FindAsync(flow.Id, FlowKind.Login))!;
        var second = (await _store.FindAsync(flow.Id, FlowKind.Login))!;

        (await _store.SaveAsync(first with { Active = "first" })).Outcome.ShouldBe(FlowSaveOutcome.Saved);
        var rebased = await _store.SaveAsync(second with { Active = "second" });

        rebased.Outcome.ShouldBe(FlowSaveOutcome.Saved);
        rebased.Flow.Version.ShouldBe(2);
        (await _store.FindAsync(flow.Id, FlowKind.Login))!.Active.ShouldBe("second");
    }

    [Fact]
    public async Task Save_AfterAnotherMovedTheFlowToAnotherStep_LeavesItAndReturnsIt()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);
        var first = (await _store.FindAsync(flow.Id, FlowKind.Login))!;
        var second = (await _store.FindAsync(flow.Id, FlowKind.Login))!;

        await _store.SaveAsync(first with { State = "sent_email" });
        var moved = await _store.SaveAsync(second with { Active = "late" });

        moved.Outcome.ShouldBe(FlowSaveOutcome.Moved);
        moved.Flow.State.ShouldBe("sent_email");
        (await _store.FindAsync(flow.Id, FlowKind.Login))!.Active.ShouldBeNull();
    }

    [Fact]
    public async Task Claim_TwentyConcurrently_ExactlyOneSucceeds()
    {
        var flow = NewFlow();
        await _store.InsertAsync(flow);
        var read = (await _store.FindAsync(flow.Id, FlowKind.Login))!;

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _store.ClaimAsync(read with { State = "passed_challenge", Active = $"claim-{i}" }))));

        claims.Count(c => c).ShouldBe(1);
    }

    private Flow NewFlow()
    {
        var now = _clock.GetUtcNow();
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=x" };
        ui.Nodes.Add(UiNode.Hidden("default", "csrf_token", "token"));
        ui.Nodes.Add(UiNode.Input("default", "identifier", "text", required: true));
        return new Flow(Guid.NewGuid(), FlowKind.Login, FlowType.Browser, "choose_method", "https://auth.example.com/self-service/login/browser",
            "https://app.example.com/", now, now.AddHours(1), ui, "token");
    }
}

public sealed class SqliteFlowStoreContractTests() : FlowStoreContractTests(DatabaseKind.Sqlite);

public sealed class PostgresFlowStoreContractTests() : FlowStoreContractTests(DatabaseKind.Postgres);
