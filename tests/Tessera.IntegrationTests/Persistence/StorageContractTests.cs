// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>What every store must do the same on every database. One subclass per database kind.</summary>
public abstract class StorageContractTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private Database _database = null!;

    public async Task InitializeAsync() => _database = new Database(Dsn.Parse(await TestDatabases.CreateAsync(kind)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigrationOnce()
    {
        var migrator = new Migrator(_database, _clock);

        var first = await migrator.ApplyAsync();
        var second = await migrator.ApplyAsync();

        first.Count.ShouldBe(migrator.Migrations.Count);
        second.ShouldBeEmpty();
        (await migrator.PendingCountAsync()).ShouldBe(0);
        (await migrator.StatusAsync()).ShouldAllBe(s => s.Applied);
    }

    [Fact]
    public async Task Migrate_ConcurrentRuns_ApplyEachMigrationExactlyOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new Migrator(_database, _clock).ApplyAsync()));

        runs.Sum(r => r.Count).ShouldBe(new Migrator(_database, _clock).Migrations.Count);
    }

    [Fact]
    public async Task Migrations_EveryTable_CarriesTheNetworkId()
    {
        await new Migrator(_database, _clock).ApplyAsync();
        await using var connection = await _database.OpenAsync();
        var tables = kind == DatabaseKind.Postgres
            ? await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
            : await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");

        // networks is what nid points at; workspaces group networks (projects), so they sit above any nid too, as do
        // a workspace's aggregate rate-limit counters (one budget across all of its projects, keyed by workspace_id).
        string[] aboveProjects = ["schema_migrations", "networks", "workspaces", "workspace_rate_limit_counters"];
        foreach (var table in tables.Where(t => !aboveProjects.Contains(t)))
        {
            var columns = kind == DatabaseKind.Postgres
                ? await connection.QueryAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_name = @table", new { table })
                : await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')");
            columns.ShouldContain("nid", $"table {table} has no nid column");
        }
    }

    [Fact]
    public async Task Network_InitialisedTwiceOrConcurrently_KeepsOneId()
    {
        await new Migrator(_database, _clock).ApplyAsync();
        var contexts = Enumerable.Range(0, 4).Select(_ => new NetworkContext(_database, _clock)).ToList();

        await Task.WhenAll(contexts.Select(c => c.InitialiseAsync()));

        contexts.Select(c => c.Id).Distinct().Count().ShouldBe(1);
        await using var connection = await _database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks")).ShouldBe(1);
    }

    [Fact]
    public async Task Values_UuidAndInstant_RoundTripExactlyAndCompareInTimeOrder()
    {
        await new Migrator(_database, _clock).ApplyAsync();
        await using var connection = await _database.OpenAsync();
        var early = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1230);
        var late = early.AddHours(30);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await connection.ExecuteAsync(
            "INSERT INTO networks (id, name, created_at, updated_at) VALUES (@Id, @Name, @At, @At)",
            new[] { new { Id = ids[0], Name = "a", At = late }, new { Id = ids[1], Name = "b", At = early } });

        var rows = (await connection.QueryAsync<(Guid Id, DateTimeOffset CreatedAt)>(
            "SELECT id, created_at FROM networks WHERE created_at < @Cutoff ORDER BY created_at", new { Cutoff = late })).ToList();

        rows.Count.ShouldBe(1);
        rows[0].Id.ShouldBe(ids[1]);
        rows[0].CreatedAt.ShouldBe(early);
        (await connection.QuerySingleAsync<Guid>("SELECT id FROM networks WHERE id = @Id", new { Id = ids[0] })).ShouldBe(ids[0]);
    }
}

public sealed class SqliteStorageContractTests() : StorageContractTests(DatabaseKind.Sqlite);

public sealed class PostgresStorageContractTests() : StorageContractTests(DatabaseKind.Postgres);
