// SPDX-License-Identifier: Apache-2.0
using Npgsql;
using Tessera.Configuration;
using Tessera.Persistence;

namespace Tessera.Tests.Persistence;

public sealed class DsnTests
{
    [Theory]
    [InlineData("sqlite://./tessera.db", "./tessera.db")]
    [InlineData("sqlite:///var/lib/sqlite/db.sqlite?_fk=true", "/var/lib/sqlite/db.sqlite")]
    [InlineData("sqlite://file:/tmp/x.db?_fk=true&mode=rwc", "/tmp/x.db")]
    public void Parse_Sqlite_TakesThePathAndDropsKratosParameters(string text, string path)
    {
        var dsn = Dsn.Parse(text);

        dsn.Dialect.ShouldBe(SqlDialect.Sqlite);
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(dsn.ConnectionString).DataSource.ShouldBe(path);
    }

    [Fact]
    public void Parse_Memory_IsAnInMemorySqliteDatabase()
    {
        var dsn = Dsn.Parse("memory");

        dsn.InMemory.ShouldBeTrue();
        dsn.Dialect.ShouldBe(SqlDialect.Sqlite);
    }

    [Fact]
    public void Parse_Postgres_MapsUrlPartsToNpgsql()
    {
        var dsn = Dsn.Parse("postgres://kratos:s%40cret@db.internal:6543/identity?sslmode=disable&max_conns=20");

        var builder = new NpgsqlConnectionStringBuilder(dsn.ConnectionString);
        dsn.Dialect.ShouldBe(SqlDialect.Postgres);
        builder.Host.ShouldBe("db.internal");
        builder.Port.ShouldBe(6543);
        builder.Username.ShouldBe("kratos");
        builder.Password.ShouldBe("s@cret");
        builder.Database.ShouldBe("identity");
        builder.SslMode.ShouldBe(SslMode.Disable);
        builder.MaxPoolSize.ShouldBe(20);
    }

    [Fact]
    public void Parse_PostgresWithoutParameters_HasSafeDeadlines()
    {
        var builder = new NpgsqlConnectionStringBuilder(Dsn.Parse("postgres://u@127.0.0.1/db").ConnectionString);

        builder.Timeout.ShouldBe(5);
        builder.Options.ShouldBe("-c statement_timeout=10000");
        builder.CommandTimeout.ShouldBe(12);
        builder.CancellationTimeout.ShouldBe(1000);
    }

    [Fact]
    public void Parse_PostgresPgxParameters_SetTheDeadlinesAndThePool()
    {
        var dsn = Dsn.Parse("postgres://u@127.0.0.1/db?connect_timeout=3&statement_timeout=1500&pool_max_conns=40&pool_min_conns=2"
            + "&pool_max_conn_lifetime=1h&max_conn_idle_time=5m&max_idle_conns=4&application_name=tessera-a");

        var builder = new NpgsqlConnectionStringBuilder(dsn.ConnectionString);
        builder.Timeout.ShouldBe(3);
        builder.Options.ShouldBe("-c statement_timeout=1500");
        builder.CommandTimeout.ShouldBe(4);
        builder.MaxPoolSize.ShouldBe(40);
        builder.MinPoolSize.ShouldBe(2);
        builder.ConnectionLifetime.ShouldBe(3600);
        builder.ConnectionIdleLifetime.ShouldBe(300);
        builder.ApplicationName.ShouldBe("tessera-a");
    }

    [Theory]
    [InlineData("10s", 10000)]
    [InlineData("250ms", 250)]
    [InlineData("0", 0)]
    public void Parse_PostgresStatementTimeout_AcceptsMillisecondsOrDurations(string value, int milliseconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(Dsn.Parse($"postgres://u@127.0.0.1/db?statement_timeout={value}").ConnectionString);

        if (milliseconds == 0)
        {
            builder.Options.ShouldBeNull();
            builder.CommandTimeout.ShouldBe(0);
        }
        else
        {
            builder.Options.ShouldBe($"-c statement_timeout={milliseconds}");
        }
    }

    [Theory]
    [InlineData("mysql://root@localhost/db")]
    [InlineData("postgres://localhost/db?connect_timeout=0")]
    [InlineData("postgres://localhost/db?connect_timeout=soon")]
    [InlineData("postgres://localhost/db?statement_timeout=-1")]
    [InlineData("postgres://localhost/db?pool_max_conns=0")]
    [InlineData("postgres://localhost/db?pool_max_conns=2&pool_min_conns=5")]
    [InlineData("postgres://localhost/db?max_conn_lifetime=forever")]
    [InlineData("postgres://localhost/db?max_idle_conns=-2")]
    [InlineData("postgres://localhost")]
    [InlineData("postgres://localhost/db?sslmode=sometimes")]
    [InlineData("sqlite://")]
    [InlineData("")]
    public void Parse_Unusable_IsAConfigurationErrorOnDsn(string text) =>
        Should.Throw<ConfigurationException>(() => Dsn.Parse(text)).KeyPath.ShouldBe("dsn");
}
