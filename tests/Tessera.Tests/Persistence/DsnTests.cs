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

    [Theory]
    [InlineData("mysql://root@localhost/db")]
    [InlineData("postgres://localhost")]
    [InlineData("postgres://localhost/db?sslmode=sometimes")]
    [InlineData("sqlite://")]
    [InlineData("")]
    public void Parse_Unusable_IsAConfigurationErrorOnDsn(string text) =>
        Should.Throw<ConfigurationException>(() => Dsn.Parse(text)).KeyPath.ShouldBe("dsn");
}
