// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;
using Tessera.Identities;
using Tessera.Sessions;

namespace Tessera.IntegrationTests.Sessions;

public abstract class SessionStoreContractTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private Database _database = null!;
    private SessionStore _store = null!;
    private readonly LocalWrites _writes = new();
    private IdentityStore _identities = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(Dsn.Parse(await TestDatabases.CreateAsync(kind)));
        await new Migrator(_database, _clock).ApplyAsync();
        var network = new NetworkContext(_database, _clock);
        await network.InitialiseAsync();
        _store = new SessionStore(_database, network, _writes, _clock);
        _identities = new IdentityStore(_database, network, new LocalWrites());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Insert_ThenFindByTokenHash_ReturnsTheSessionWithItsMethods()
    {
        var session = NewSession(await NewIdentityAsync());
        await _store.InsertAsync(session, "hash-a", "logout-a");

        var found = await _store.FindByTokenHashAsync("hash-a");

        found.ShouldNotBeNull();
        found.Id.ShouldBe(session.Id);
        found.IdentityId.ShouldBe(session.IdentityId);
        found.Active.ShouldBeTrue();
        found.ExpiresAt.ShouldBe(session.ExpiresAt);
        found.AuthenticationMethods.Single().Method.ShouldBe("password");
        found.Devices.Single().UserAgent.ShouldBe("test-agent");
        (await _store.FindByLogoutTokenHashAsync("logout-a"))!.Id.ShouldBe(session.Id);
        (await _store.FindByTokenHashAsync("hash-b")).ShouldBeNull();
    }

    [Fact]
    public async Task Insert_ForAnIdentityThatDoesNotExist_IsRefusedByTheForeignKey()
    {
        await Should.ThrowAsync<System.Data.Common.DbException>(() => _store.InsertAsync(NewSession(Guid.NewGuid()), "orphan", "lorphan"));
    }

    [Fact]
    public async Task RevokeAllForIdentity_KeepsTheNamedSessionAndOtherIdentities()
    {
        var identity = await NewIdentityAsync();
        var keep = NewSession(identity);
        var other = NewSession(identity);
        var stranger = NewSession(await NewIdentityAsync());
        await _store.InsertAsync(keep, "k", "lk");
        await _store.InsertAsync(other, "o", "lo");
        await _store.InsertAsync(stranger, "s", "ls");

        var revoked = await _store.RevokeAllForIdentityAsync(identity, keep.Id);

        revoked.ShouldBe(1);
        (await _store.FindByIdAsync(keep.Id))!.Active.ShouldBeTrue();
        (await _store.FindByIdAsync(other.Id))!.Active.ShouldBeFalse();
        (await _store.FindByIdAsync(stranger.Id))!.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task ListForIdentity_FiltersActiveAndExpired()
    {
        var identity = await NewIdentityAsync();
        var live = NewSession(identity);
        var expired = NewSession(identity) with { ExpiresAt = _clock.GetUtcNow().AddMinutes(-1) };
        var revoked = NewSession(identity);
        await _store.InsertAsync(live, "l", "ll");
        await _store.InsertAsync(expired, "e", "le");
        await _store.InsertAsync(revoked, "r", "lr");
        await _store.RevokeAsync(revoked.Id);

        (await _store.ListAsync(new SessionListQuery(10, identity, Active: true))).Items.Select(s => s.Id).ShouldBe([live.Id]);
        (await _store.ListAsync(new SessionListQuery(10, identity, Active: false))).Items.Select(s => s.Id).ShouldBe([expired.Id, revoked.Id], ignoreOrder: true);
        (await _store.ListAsync(new SessionListQuery(10, identity))).Items.Count.ShouldBe(3);
        (await _store.CountAsync(new SessionListQuery(10, identity, Active: false))).ShouldBe(2);
    }

    [Fact]
    public async Task List_PageByPageWithSharedCreationTimes_ReturnsEachSessionOnceNewestFirst()
    {
        var identity = await NewIdentityAsync();
        var other = await NewIdentityAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            var session = NewSession(identity);
            await _store.InsertAsync(session, $"p{i}", $"lp{i}");
            ids.Add(session.Id);
            if (i % 5 == 0)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await _store.InsertAsync(NewSession(other), "stranger", "lstranger");
        var except = ids[7];

        var seen = new List<Guid>();
        var query = new SessionListQuery(4, identity, Except: except);
        for (var page = 0; page < 10; page++)
        {
            var result = await _store.ListAsync(query);
            seen.AddRange(result.Items.Select(s => s.Id));
            if (result.Next is null)
            {
                break;
            }

            query = query with { After = result.Next };
        }

        seen.ShouldBe(ids.Where(id => id != except).ToList(), ignoreOrder: true);
        seen.ShouldBeUnique();
        (await _store.CountAsync(new SessionListQuery(4, identity, Except: except))).ShouldBe(22);
        (await _store.ListAsync(new SessionListQuery(4, identity, Offset: 20))).Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ExtendAndDeleteExpired_ChangeWhatTheyShould()
    {
        var identity = await NewIdentityAsync();
        var session = NewSession(identity);
        await _store.InsertAsync(session, "x", "lx");
        var later = _clock.GetUtcNow().AddDays(3);

        (await _store.ExtendAsync(session.Id, later)).ShouldBeTrue();
        (await _store.FindByIdAsync(session.Id))!.ExpiresAt.ShouldBe(later);
        var version = _writes.Version;
        (await _store.DeleteExpiredAsync(later.AddSeconds(-1))).ShouldBe(0);
        _writes.Version.ShouldBe(version, "a janitor pass that deleted nothing must not empty this node's caches");
        (await _store.DeleteExpiredAsync(later.AddSeconds(1))).ShouldBe(1);
        _writes.Version.ShouldBeGreaterThan(version);
        (await _store.FindByIdAsync(session.Id)).ShouldBeNull();
        (await _store.RevokeAsync(session.Id)).ShouldBeFalse();
    }

    private Task<Guid> NewIdentityAsync() => TestIdentities.InsertAsync(_identities, _clock.GetUtcNow());

    private Session NewSession(Guid identityId)
    {
        var now = _clock.GetUtcNow();
        return new Session(Guid.NewGuid(), identityId, true, "aal1", [new AuthenticationMethod("password", "aal1", now)],
            [new SessionDevice(Guid.NewGuid(), "127.0.0.1", "test-agent", null)], now, now, now.AddHours(1));
    }
}

public sealed class SqliteSessionStoreContractTests() : SessionStoreContractTests(DatabaseKind.Sqlite);

public sealed class PostgresSessionStoreContractTests() : SessionStoreContractTests(DatabaseKind.Postgres);
