// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Courier;
using Tessera.Hosting.Pagination;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.IntegrationTests.Courier;

public abstract class CourierStoreContractTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeClock _clock = new();
    private Database _database = null!;
    private CourierStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(Dsn.Parse(await TestDatabases.CreateAsync(kind)));
        await new Migrator(_database, _clock).ApplyAsync();
        var network = new NetworkContext(_database, _clock);
        await network.InitialiseAsync();
        _store = new CourierStore(_database, network, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Insert_ThenFind_ReturnsTheQueuedMessage()
    {
        var id = await InsertAsync("a@example.com");

        var found = await _store.FindAsync(id);

        found.ShouldNotBeNull();
        found.Status.ShouldBe(CourierMessageStatus.Queued);
        found.Type.ShouldBe("email");
        found.Recipient.ShouldBe("a@example.com");
        found.Subject.ShouldBe("subject a@example.com");
        found.Body.ShouldBe("<p>html</p>");
        found.BodyPlaintext.ShouldBe("text");
        found.TemplateType.ShouldBe("recovery_code_valid");
        found.SendCount.ShouldBe(0);
        found.Dispatches.ShouldBeEmpty();
        found.CreatedAt.ShouldBe(_clock.GetUtcNow());
        (await _store.FindAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_TakesDueMessagesOnce_UntilTheLeaseRunsOut()
    {
        var ids = new[] { await InsertAsync("a@example.com"), await InsertAsync("b@example.com"), await InsertAsync("c@example.com") };
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var claimed = await _store.ClaimAsync(first, 2, Lease);
        var rest = await _store.ClaimAsync(second, 10, Lease);
        var none = await _store.ClaimAsync(second, 10, Lease);

        claimed.Count.ShouldBe(2);
        claimed.ShouldAllBe(m => m.Status == CourierMessageStatus.Processing);
        rest.Count.ShouldBe(1);
        claimed.Concat(rest).Select(m => m.Id).ShouldBe(ids, ignoreOrder: true);
        none.ShouldBeEmpty();

        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var reclaimed = await _store.ClaimAsync(second, 10, Lease);

        reclaimed.Select(m => m.Id).ShouldBe(ids, ignoreOrder: true);
    }

    [Fact]
    public async Task RecordAttempt_ByTheHolder_EndsTheClaim_ByAnotherWorker_IsRefused()
    {
        var id = await InsertAsync("a@example.com");
        var worker = Guid.NewGuid();
        var message = (await _store.ClaimAsync(worker, 1, Lease)).Single();
        var now = _clock.GetUtcNow();
        var dispatch = new MessageDispatch(Guid.NewGuid(), id, MessageDispatch.Failed, new Dictionary<string, string> { ["message"] = "451 busy" }, now, now);

        (await _store.RecordAttemptAsync(message, Guid.NewGuid(), CourierMessageStatus.Sent, dispatch, now)).ShouldBeFalse();
        (await _store.RecordAttemptAsync(message, worker, CourierMessageStatus.Queued, dispatch, now.AddSeconds(5))).ShouldBeTrue();

        var stored = (await _store.FindAsync(id))!;
        stored.Status.ShouldBe(CourierMessageStatus.Queued);
        stored.SendCount.ShouldBe(1);
        stored.NextAttemptAt.ShouldBe(now.AddSeconds(5));
        stored.Dispatches.Single().Error!["message"].ShouldBe("451 busy");
        (await _store.ClaimAsync(worker, 10, Lease)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await _store.ClaimAsync(worker, 10, Lease)).Single().Id.ShouldBe(id);
    }

    [Fact]
    public async Task Release_GivesUnattemptedMessagesBack()
    {
        var id = await InsertAsync("a@example.com");
        var worker = Guid.NewGuid();
        await _store.ClaimAsync(worker, 1, Lease);

        await _store.ReleaseAsync([id], worker);

        (await _store.FindAsync(id))!.Status.ShouldBe(CourierMessageStatus.Queued);
        (await _store.ClaimAsync(Guid.NewGuid(), 1, Lease)).Single().Id.ShouldBe(id);
    }

    [Fact]
    public async Task List_PagesNewestFirst_EachMessageExactlyOnce_EvenWithEqualTimestamps()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await InsertAsync($"user{i % 3}@example.com"));
            if (i % 5 == 0)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var seen = new List<CourierMessage>();
        CreatedAtPosition? after = null;
        for (var page = 0; page < 10; page++)
        {
            var rows = await _store.ListAsync(new CourierMessageQuery(null, null, 4, after));
            seen.AddRange(rows.Take(4));
            if (rows.Count <= 4)
            {
                break;
            }

            after = new CreatedAtPosition(rows[3].CreatedAt, rows[3].Id);
        }

        seen.Select(m => m.Id).ShouldBe(ids, ignoreOrder: true);
        seen.Select(m => m.Id).ShouldBeUnique();
        seen.Select(m => m.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task List_FiltersByStatusAndRecipient()
    {
        var sent = await InsertAsync("a@example.com");
        var queued = await InsertAsync("b@example.com");
        var worker = Guid.NewGuid();
        var claimed = (await _store.ClaimAsync(worker, 10, Lease)).Single(m => m.Id == sent);
        var now = _clock.GetUtcNow();
        await _store.RecordAttemptAsync(claimed, worker, CourierMessageStatus.Sent, new MessageDispatch(Guid.NewGuid(), sent, MessageDispatch.Success, null, now, now), now);
        await _store.ReleaseAsync([queued], worker);

        (await _store.ListAsync(new CourierMessageQuery(CourierMessageStatus.Sent, null, 10, null))).Select(m => m.Id).ShouldBe([sent]);
        (await _store.ListAsync(new CourierMessageQuery(CourierMessageStatus.Queued, null, 10, null))).Select(m => m.Id).ShouldBe([queued]);
        (await _store.ListAsync(new CourierMessageQuery(null, "b@example.com", 10, null))).Select(m => m.Id).ShouldBe([queued]);
        (await _store.ListAsync(new CourierMessageQuery(CourierMessageStatus.Abandoned, null, 10, null))).ShouldBeEmpty();
    }

    private Task<Guid> InsertAsync(string recipient) =>
        _store.InsertAsync(CourierTemplateType.RecoveryCodeValid, "email", recipient, new RenderedEmail($"subject {recipient}", "<p>html</p>", "text"),
            new JsonObject { ["RecoveryCode"] = "123456", ["To"] = recipient });
}

public sealed class SqliteCourierStoreContractTests() : CourierStoreContractTests(DatabaseKind.Sqlite);

public sealed class PostgresCourierStoreContractTests() : CourierStoreContractTests(DatabaseKind.Postgres);
