// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Errors.Containers;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.IntegrationTests.Errors;

/// <summary>What the error container store does the same on every database. One subclass per database kind.</summary>
public abstract class ErrorContainerStoreContractTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private Database _database = null!;
    private ErrorContainerStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(Dsn.Parse(await TestDatabases.CreateAsync(kind)));
        await new Migrator(_database, _clock).ApplyAsync();
        var network = new NetworkContext(_database, _clock);
        await network.InitialiseAsync();
        _store = new ErrorContainerStore(_database, network, _clock, new ErrorOptions(null, TimeSpan.FromHours(2), false));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Create_ThenFind_RoundTripsTheErrorAndHash()
    {
        var error = new JsonObject { ["id"] = "not_found", ["code"] = 404, ["reason"] = "x \"quoted\" ü" };

        var id = await _store.CreateAsync(error, "ab12");
        var found = await _store.FindAsync(id);

        found.ShouldNotBeNull();
        found.Id.ShouldBe(id);
        found.Error["id"]!.GetValue<string>().ShouldBe("not_found");
        found.Error["reason"]!.GetValue<string>().ShouldBe("x \"quoted\" ü");
        found.CsrfTokenHash.ShouldBe("ab12");
        found.SeenAt.ShouldBeNull();
        found.ExpiresAt.ShouldBe(found.CreatedAt + TimeSpan.FromHours(2), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Find_UnknownId_ReturnsNull() => (await _store.FindAsync(Guid.NewGuid())).ShouldBeNull();

    [Fact]
    public async Task MarkSeen_KeepsTheFirstReadTime()
    {
        var id = await _store.CreateAsync(new JsonObject(), null);
        await _store.MarkSeenAsync(id);
        var first = (await _store.FindAsync(id))!.SeenAt;
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _store.MarkSeenAsync(id);

        first.ShouldNotBeNull();
        (await _store.FindAsync(id))!.SeenAt.ShouldBe(first);
    }

    [Fact]
    public async Task Expired_IsInvisible_AndDeleteExpiredRemovesOnlyExpired()
    {
        var old = await _store.CreateAsync(new JsonObject(), null);
        _clock.Advance(TimeSpan.FromHours(1));
        var young = await _store.CreateAsync(new JsonObject(), null);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        (await _store.FindAsync(old)).ShouldBeNull();
        (await _store.DeleteExpiredAsync()).ShouldBe(1);
        (await _store.DeleteExpiredAsync()).ShouldBe(0);
        (await _store.FindAsync(young)).ShouldNotBeNull();
    }
}

public sealed class SqliteErrorContainerStoreContractTests() : ErrorContainerStoreContractTests(DatabaseKind.Sqlite);

public sealed class PostgresErrorContainerStoreContractTests() : ErrorContainerStoreContractTests(DatabaseKind.Postgres);
