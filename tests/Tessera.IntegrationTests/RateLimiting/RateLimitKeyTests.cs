// SPDX-License-Identifier: Apache-2.0
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.RateLimiting;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>
/// Issue 17 finding 5: the stored rate-limit key of a client address is an HMAC under the server secret, so a row
/// for 127.0.0.1 cannot be reversed by hashing guesses.
/// </summary>
public abstract class RateLimitKeyTests(DatabaseKind kind)
{
    private static readonly string[] Addresses = ["127.0.0.1", "::ffff:127.0.0.1", "127.0.0.1/32", "::1", "unknown"];

    [Fact]
    public async Task StoredKeyFor127001_IsNoPlainSha256_AndDependsOnTheSecret()
    {
        await using var one = await StartAsync("first-rate-limit-secret-0123");
        await using var other = await StartAsync("other-rate-limit-secret-4567");

        var stored = await SubmitAndReadKeyAsync(one);
        var storedUnderOtherSecret = await SubmitAndReadKeyAsync(other);

        var plaintexts = Addresses.SelectMany(address => new[] { address, $"{RateLimitBuckets.FlowSubmissions}\n{address}", $"{RateLimitBuckets.FlowSubmissions}:{address}", $"{RateLimitBuckets.FlowSubmissions}{address}" });
        var guesses = plaintexts.SelectMany(p => new[]
        {
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p))),
            Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(p))),
        }).ToHashSet();
        guesses.ShouldNotContain(stored);
        stored.ShouldNotContain("127.0.0.1");
        stored.ShouldMatch("^[0-9a-f]{64}$");
        storedUnderOtherSecret.ShouldNotBe(stored);
    }

    private Task<TesseraTestServer> StartAsync(string secret) => TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
    {
        ["secrets.default"] = $"[\"{secret}\"]",
    });

    private static async Task<string> SubmitAndReadKeyAsync(TesseraTestServer server)
    {
        using var submitted = await server.Public.PostAsJsonAsync($"/self-service/login?flow={Guid.NewGuid()}", new { method = "password" });
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.QuerySingleAsync<string>(
            "SELECT key_hash FROM rate_limit_counters WHERE bucket = @Bucket", new { Bucket = RateLimitBuckets.FlowSubmissions });
    }
}

public sealed class SqliteRateLimitKeyTests() : RateLimitKeyTests(DatabaseKind.Sqlite);

public sealed class PostgresRateLimitKeyTests() : RateLimitKeyTests(DatabaseKind.Postgres);
