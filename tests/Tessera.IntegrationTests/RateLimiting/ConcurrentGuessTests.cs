// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hashing;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.RateLimiting.LoginAttempts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>
/// Issue 17, finding 2: each password attempt is counted before the password is hashed, so guesses sent all at once
/// cannot all pass a check made before any of them was recorded.
/// </summary>
public abstract class ConcurrentGuessTests(RateLimitServer fixture)
{
    private const int Guesses = 40;
    private const int Limit = 10; // rate_limits.buckets.login_failures_per_identifier_ip default

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task FortyConcurrentWrongGuesses_AtMostTheLimitReachTheHasher_TheRestAre429()
    {
        var email = await NewAccountAsync(Server);
        var flows = new List<string>();
        for (var i = 0; i < Guesses; i++)
        {
            flows.Add(await NewFlowAsync(Server));
        }

        var hasher = Server.Services.GetRequiredService<PasswordHasher>();
        var before = hasher.Verifications;

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var responses = await Task.WhenAll(flows.Select((flow, i) =>
            Task.Run(() => SubmitAsync(Server, email, $"wrong password {i}", flowId: flow), timeout.Token)));

        var hashed = hasher.Verifications - before;
        try
        {
            hashed.ShouldBeLessThanOrEqualTo(Limit);
            var tried = responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest);
            var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            tried.ShouldBeLessThanOrEqualTo(Limit);
            (tried + refused.Count).ShouldBe(Guesses);
            refused.ShouldAllBe(r => r.Headers.GetValues("Ory-Error-Id").Single() == "rate_limit_exceeded");
            refused.ShouldAllBe(r => r.Headers.RetryAfter!.Delta!.Value > TimeSpan.Zero);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        using var right = await SubmitAsync(Server, email, Password);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

public sealed class SqliteConcurrentGuessTests(SqliteRateLimitServer fixture) : ConcurrentGuessTests(fixture), IClassFixture<SqliteRateLimitServer>;

public sealed class PostgresConcurrentGuessTests(PostgresRateLimitServer fixture) : ConcurrentGuessTests(fixture), IClassFixture<PostgresRateLimitServer>;
