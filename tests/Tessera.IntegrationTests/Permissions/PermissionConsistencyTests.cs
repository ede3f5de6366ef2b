// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Permissions.KetoCalls;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>The stated bound: a tuple written on one node is seen by checks on another within <c>permissions.check_cache_ttl</c>.</summary>
public sealed class PermissionConsistencyTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["permissions.namespaces"] = PermissionServer.Namespaces,
        ["permissions.check_cache_ttl"] = "5s",
    };

    [Fact]
    public async Task TwoNodes_TupleWrittenOnOne_IsSeenByTheOtherWithinTheCacheTtl()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings);
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings, dsn: first.Dsn);
        var tuple = $"files:plan-{Guid.NewGuid():N}#view@mia";
        (await AllowedAsync(second, tuple)).ShouldBeFalse();

        await PutAsync(first, tuple);

        (await AllowedAsync(first, tuple)).ShouldBeTrue();
        (await AllowedAsync(second, tuple)).ShouldBeFalse("the second node answers from its cache until the TTL");
        second.Clock.Advance(TimeSpan.FromSeconds(5));
        (await AllowedAsync(second, tuple)).ShouldBeTrue();
    }
}
