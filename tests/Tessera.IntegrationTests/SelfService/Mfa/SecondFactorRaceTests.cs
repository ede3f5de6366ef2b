// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Mfa.MfaJourney;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>
/// Issue 17, finding 4: a one-time code is consumed with a conditional write, so of concurrent submissions of one code
/// exactly one succeeds, and different backup codes used at once are all recorded.
/// </summary>
public abstract class SecondFactorRaceTests(SecondFactorRaceServer fixture)
{
    private const int Concurrent = 20;

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Totp_OneCodeSubmittedTwentyTimesAtOnce_RaisesExactlyOnce_TheOthersAreTold4000008()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        var secret = await EnableTotpAsync(Server, setupToken);
        var token = await LoginAsync(Server, email);
        Server.Clock.Advance(TimeSpan.FromSeconds(30));

        var answers = await SubmitAtOnceAsync(token, Enumerable.Repeat(new { method = "totp", totp_code = TestTotp.Code(secret, Server.Clock.GetUtcNow()) }, Concurrent));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        answers.Where(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.BadRequest && a.Body.Contains("4000008"));
    }

    [Fact]
    public async Task BackupCode_OneCodeSubmittedTwentyTimesAtOnce_IsAcceptedOnce_TheOthersAreTold4000012()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        var codes = await EnableBackupCodesAsync(Server, setupToken);
        var token = await LoginAsync(Server, email);

        var answers = await SubmitAtOnceAsync(token, Enumerable.Repeat(new { method = "lookup_secret", lookup_secret = codes[0] }, Concurrent));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        answers.Where(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.BadRequest && a.Body.Contains("4000012"));
    }

    [Fact]
    public async Task BackupCodes_DifferentCodesUsedAtOnce_AreAllMarkedUsed()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        // Eleven of the twelve at once: one stays unused, so a used code is told 4000012 (not 4000014, all used).
        var codes = (await EnableBackupCodesAsync(Server, setupToken)).Take(11).ToList();
        var token = await LoginAsync(Server, email);

        var answers = await SubmitAtOnceAsync(token, codes.Select(code => new { method = "lookup_secret", lookup_secret = code }));
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);

        var again = await LoginAsync(Server, email);
        foreach (var code in codes)
        {
            using var reused = await SecondFactorAsync(Server, again, new { method = "lookup_secret", lookup_secret = code });
            reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"backup code {codes.IndexOf(code)} was not recorded as used");
            (await reused.Content.ReadAsStringAsync()).ShouldContain("4000012");
        }
    }

    /// <summary>One aal2 flow per body, all created first, then every body submitted at the same time.</summary>
    private async Task<List<(HttpStatusCode Status, string Body)>> SubmitAtOnceAsync<T>(string token, IEnumerable<T> bodies)
    {
        var submissions = new List<(string Flow, T Body)>();
        foreach (var body in bodies)
        {
            submissions.Add((await NewAal2FlowAsync(Server, token), body));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return (await Task.WhenAll(submissions.Select(s => Task.Run(async () =>
        {
            using var response = await SubmitAal2Async(Server, token, s.Flow, s.Body!);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, timeout.Token)))).ToList();
    }
}

public sealed class SqliteSecondFactorRaceTests(SqliteSecondFactorRaceServer fixture)
    : SecondFactorRaceTests(fixture), IClassFixture<SqliteSecondFactorRaceServer>;

public sealed class PostgresSecondFactorRaceTests(PostgresSecondFactorRaceServer fixture)
    : SecondFactorRaceTests(fixture), IClassFixture<PostgresSecondFactorRaceServer>;
