// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Identities;

/// <summary>A server whose argon2 costs are small, so tests that hash passwords stay fast.</summary>
public abstract class IdentitiesServer(DatabaseKind kind) : ServerFixture(kind)
{
    public static readonly IReadOnlyDictionary<string, string> FastHashing = new Dictionary<string, string>
    {
        ["hashers.argon2.memory"] = "8MB",
        ["hashers.argon2.parallelism"] = "1",
    };

    protected override IReadOnlyDictionary<string, string> Settings => FastHashing;
}

public sealed class IdentitiesSqliteServer() : IdentitiesServer(DatabaseKind.Sqlite);

public sealed class IdentitiesPostgresServer() : IdentitiesServer(DatabaseKind.Postgres);
